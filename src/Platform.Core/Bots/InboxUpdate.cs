using Platform.Core.Tenancy;

namespace Platform.Core.Bots;

/// <summary>
/// A Telegram update exactly as received, written durably before ingress answers 200. Unique on
/// (tenant, bot, update_id): a redelivered update changes nothing.
/// </summary>
public sealed class InboxUpdate : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid BotId { get; set; }
    public long UpdateId { get; set; }

    /// <summary>The chat the update belongs to, for in-order processing per chat (null for chat-less updates).</summary>
    public long? ChatId { get; set; }

    /// <summary>The raw update JSON (jsonb).</summary>
    public required string Payload { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
