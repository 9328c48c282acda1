using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>subscription.renewed: a recurring payment extended a membership; one per telegram_payment_charge_id.</summary>
[Description("A recurring payment extended a membership by one period. Sent once per Telegram charge, however often Telegram repeats it.")]
public sealed record SubscriptionRenewed(
    [property: Description("The membership's id.")] Guid SubscriptionId,
    [property: Description("The plan.")] Guid PlanId,
    [property: Description("The member, as a customer of the store.")] Guid CustomerId,
    [property: Description("The order recording this renewal's payment.")] Guid OrderId,
    [property: Description("Stars charged for the period.")] int PriceStars,
    [property: Description("Telegram's id of the renewal payment (needed to refund it).")] string TelegramPaymentChargeId,
    [property: Description("The new end of the paid period (ISO 8601, UTC).")] DateTimeOffset PeriodEnd,
    [property: Description("When the renewal was recorded (ISO 8601, UTC).")] DateTimeOffset RenewedAt) : IPlatformEvent
{
    public const string TypeName = "subscription.renewed";

    static string IPlatformEvent.TypeName => TypeName;
}
