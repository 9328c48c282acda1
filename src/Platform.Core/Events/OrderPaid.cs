using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>order.paid: written in the transaction that marks the order paid (and sells the key), by PaymentRecorder.</summary>
[Description("A buyer paid; the order is about to be fulfilled. Written in the transaction that marks the order paid and sells the key.")]
public sealed record OrderPaid(
    [property: Description("The order's id.")] Guid OrderId,
    [property: Description("The product bought.")] Guid ProductId,
    [property: Description("The buyer, as a customer of the store.")] Guid CustomerId,
    [property: Description("The store's bot the order was placed with.")] Guid BotId,
    [property: Description("The price paid, in Telegram Stars.")] int PriceStars,
    [property: Description("Telegram's id of the Stars payment (needed to refund it).")] string TelegramPaymentChargeId,
    [property: Description("When the payment was recorded (ISO 8601, UTC).")] DateTimeOffset PaidAt) : IPlatformEvent
{
    public const string TypeName = "order.paid";

    static string IPlatformEvent.TypeName => TypeName;
}
