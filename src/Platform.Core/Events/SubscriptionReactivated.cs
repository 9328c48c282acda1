using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>subscription.reactivated: a cancelled membership re-enabled, or an expired one paid again or restored.</summary>
[Description("A membership renews again: re-enabled before its end (resumed), paid after it had expired "
    + "(late_payment), or restored by the merchant (restored).")]
public sealed record SubscriptionReactivated(
    [property: Description("The membership's id.")] Guid SubscriptionId,
    [property: Description("The plan.")] Guid PlanId,
    [property: Description("The member, as a customer of the store.")] Guid CustomerId,
    [property: Description("Why: resumed, late_payment or restored.")] string Reason,
    [property: Description("The order of the payment that reactivated it; null when resumed or restored.")] Guid? OrderId,
    [property: Description("End of the paid period (ISO 8601, UTC).")] DateTimeOffset PeriodEnd,
    [property: Description("When it was reactivated (ISO 8601, UTC).")] DateTimeOffset ReactivatedAt) : IPlatformEvent
{
    public const string TypeName = "subscription.reactivated";

    static string IPlatformEvent.TypeName => TypeName;
}
