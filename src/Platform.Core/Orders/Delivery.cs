using Platform.Core.Tenancy;

namespace Platform.Core.Orders;

/// <summary>
/// A message that carried goods (or news about them) to a customer: the delivery history of an order.
/// Unique on (tenant, order, kind, sequence) so fulfilment running twice sends nothing twice.
/// </summary>
public sealed class Delivery : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrderId { get; set; }
    public DeliveryKind Kind { get; set; }

    /// <summary>0 for the first fulfilment; resends count up.</summary>
    public int Sequence { get; set; }

    public long? TelegramMessageId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
