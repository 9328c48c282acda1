using Platform.Core.Tenancy;

namespace Platform.Core.Payments;

/// <summary>
/// A Stars charge for an order that another charge had already paid (two invoices of one order, both paid). The
/// buyer must not pay twice: the charge is refunded with refundStarPayment and this row is the record of both — who
/// paid, how much, for which order, and when the Stars went back. Unique on (tenant, charge id): however often the
/// successful_payment is delivered, there is one row and one refund. Never deleted.
/// </summary>
public sealed class DuplicateCharge : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid OrderId { get; set; }
    public Guid BotId { get; set; }
    public required string TelegramPaymentChargeId { get; set; }

    /// <summary>The Telegram user who paid (refundStarPayment's user_id).</summary>
    public long BuyerTelegramUserId { get; set; }

    public int AmountStars { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When Telegram took the refund (or said it was refunded already); null while a refund is owed.</summary>
    public DateTimeOffset? RefundedAt { get; set; }
}
