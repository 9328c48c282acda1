using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>order.refunded: written by RefundService in the transaction that marks the order refunded and revokes its key.</summary>
[Description("Stars were returned to the buyer (refundStarPayment succeeded or answered CHARGE_ALREADY_REFUNDED); the key is revoked " +
    "and download links are dead.")]
public sealed record OrderRefunded(
    [property: Description("The order's id.")] Guid OrderId,
    [property: Description("The product that was bought.")] Guid ProductId,
    [property: Description("The price returned, in Telegram Stars.")] int PriceStars,
    [property: Description("Telegram's id of the refunded Stars payment.")] string? TelegramPaymentChargeId,
    [property: Description("When the refund was recorded (ISO 8601, UTC).")] DateTimeOffset RefundedAt,
    [property: Description("Why the merchant refunded, as they wrote it in the portal (at most 500 characters); null when they gave none or "
        + "the refund came from Telegram.")] string? RefundReason = null) : IPlatformEvent
{
    public const string TypeName = "order.refunded";

    static string IPlatformEvent.TypeName => TypeName;
}
