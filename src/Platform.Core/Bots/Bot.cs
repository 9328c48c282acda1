using Platform.Core.Tenancy;

namespace Platform.Core.Bots;

/// <summary>
/// A merchant's Telegram bot. The token and the webhook secret are stored encrypted (Data Protection);
/// neither is ever logged. Every bot of a tenant serves that tenant's catalog.
/// </summary>
public sealed class Bot : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>Telegram's numeric bot id (the part of the token before the colon).</summary>
    public long TelegramBotId { get; set; }

    public required string Username { get; set; }
    public required string TokenCiphertext { get; set; }
    public required string WebhookSecretCiphertext { get; set; }
    public BotStatus Status { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSyncedAt { get; set; }

    /// <summary>A bot the portal's test mode made in the local Telegram sandbox for the merchant to try their store (docs/test-mode.md).</summary>
    public bool TestMode { get; set; }
}
