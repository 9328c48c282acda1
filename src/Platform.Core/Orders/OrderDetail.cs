namespace Platform.Core.Orders;

/// <summary>
/// One order with what was delivered: the delivery history, the key (key products) and payment ids; the merchant's
/// refund reason; the membership a plan's charge paid for.
/// </summary>
public sealed record OrderDetail(
    OrderSummary Order,
    string? TelegramPaymentChargeId,
    string? LicenseKey,
    IReadOnlyList<Delivery> Deliveries,
    string? RefundReason = null,
    Guid? SubscriptionId = null);
