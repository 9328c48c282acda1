using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>subscription.expired: access ended; what the plan granted was taken back.</summary>
[Description("Access ended and what the plan granted was taken back: not renewed within the grace (not_renewed), "
    + "cancelled and past its end (canceled), or a charge refunded (refunded).")]
public sealed record SubscriptionExpired(
    [property: Description("The membership's id.")] Guid SubscriptionId,
    [property: Description("The plan.")] Guid PlanId,
    [property: Description("The member, as a customer of the store.")] Guid CustomerId,
    [property: Description("Why: not_renewed, canceled or refunded.")] string Reason,
    [property: Description("The end of the last paid period (ISO 8601, UTC).")] DateTimeOffset PeriodEnd,
    [property: Description("When access ended (ISO 8601, UTC).")] DateTimeOffset ExpiredAt) : IPlatformEvent
{
    public const string TypeName = "subscription.expired";

    static string IPlatformEvent.TypeName => TypeName;
}
