namespace Platform.Core.Bots;

/// <summary>What ingress needs to accept an update for a bot: its tenant and its webhook secret (bytes, in memory only).</summary>
public sealed record BotEndpointInfo(Guid BotId, Guid TenantId, long TelegramBotId, byte[] WebhookSecret, DateTimeOffset LoadedAt);
