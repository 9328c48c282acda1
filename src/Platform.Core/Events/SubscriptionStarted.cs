using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>subscription.started: a customer's first membership of a plan began (paid, or granted by the merchant).</summary>
[Description("A customer became a member of a plan: the first payment was recorded, or the merchant granted a complimentary membership.")]
public sealed record SubscriptionStarted(
    [property: Description("The membership's id (stays the same across renewals and reactivations).")] Guid SubscriptionId,
    [property: Description("The plan (a product of kind subscription).")] Guid PlanId,
    [property: Description("The member, as a customer of the store.")] Guid CustomerId,
    [property: Description("How it is paid for: stars, complimentary or channel_link.")] string Source,
    [property: Description("The order recording the first payment; null for a complimentary membership.")] Guid? OrderId,
    [property: Description("Stars charged for the first period (0 when complimentary).")] int PriceStars,
    [property: Description("Telegram's id of the first payment; null when complimentary.")] string? TelegramPaymentChargeId,
    [property: Description("End of the paid period (ISO 8601, UTC).")] DateTimeOffset PeriodEnd,
    [property: Description("When it started (ISO 8601, UTC).")] DateTimeOffset StartedAt) : IPlatformEvent
{
    public const string TypeName = "subscription.started";

    static string IPlatformEvent.TypeName => TypeName;
}
