namespace Platform.Core.Bots;

/// <summary>
/// A bot as the portal shows it: stored state plus what Telegram reports about the webhook right now. TestMode marks a
/// bot the portal's test mode made in the sandbox.
/// </summary>
public sealed record BotStatusView(
    Guid Id, string Username, long TelegramBotId, BotStatus Status, string? LastError, DateTimeOffset? LastSyncedAt,
    string? WebhookUrl, int? PendingUpdateCount, string? WebhookLastError, bool TestMode = false);
