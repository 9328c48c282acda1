using Platform.Core.Tenancy;

namespace Platform.Core.Webhooks;

/// <summary>
/// One event for one endpoint. Unique per (tenant, endpoint, event), so dispatching an event twice adds nothing.
/// While pending, <see cref="NextAttemptAt"/> is when it is due; a sender claims it by moving that forward by a
/// lease, so a crashed worker's claim simply expires and the delivery is due again.
/// </summary>
public sealed class WebhookDelivery : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid EndpointId { get; set; }
    public Guid EventId { get; set; }
    public required string EventType { get; set; }
    public WebhookDeliveryStatus Status { get; set; }
    public int AttemptCount { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
}
