namespace Platform.Core.Orders;

/// <summary>One order with what was delivered: the delivery history, the key (key products) and payment ids.</summary>
public sealed record OrderDetail(
    OrderSummary Order,
    string? TelegramPaymentChargeId,
    string? LicenseKey,
    IReadOnlyList<Delivery> Deliveries);
