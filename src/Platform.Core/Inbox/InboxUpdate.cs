using Platform.Core.Tenancy;

namespace Platform.Core.Inbox;

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

    /// <summary>
    /// The update's body exactly as Telegram sent it (bytea). Not jsonb: jsonb refuses <c>\u0000</c> and lone
    /// surrogates, which a buyer can type, and a refused update would be redelivered — and block its bot — forever.
    /// </summary>
    public required byte[] Payload { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>The W3C <c>traceparent</c> of the ingress request that stored it, so its processing joins that trace.</summary>
    public string? TraceParent { get; set; }
}
