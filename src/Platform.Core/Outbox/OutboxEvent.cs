using Platform.Core.Tenancy;

namespace Platform.Core.Outbox;

/// <summary>
/// A business event, written in the same transaction as the change it describes (order paid, key sold,
/// refund…). Its <see cref="Id"/> is the event id receivers dedupe on. Webhook dispatch and any other
/// consumer read from here; nothing is lost between commit and delivery because nothing happens before commit.
/// </summary>
public sealed class OutboxEvent : ITenantOwned
{
    public const int TypeMaxLength = 64;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Type { get; set; }
    public required string ApiVersion { get; set; }

    /// <summary>The event's <c>data</c> object as JSON (jsonb).</summary>
    public required string Data { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set once the dispatcher has turned the event into per-endpoint deliveries.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }
}
