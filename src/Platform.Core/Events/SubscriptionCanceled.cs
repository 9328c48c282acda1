using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>subscription.canceled: the membership will not renew; access lasts to the end of the paid period.</summary>
[Description("The membership will not renew (cancelled by the customer in the bot or by the merchant); access lasts until access_ends_at.")]
public sealed record SubscriptionCanceled(
    [property: Description("The membership's id.")] Guid SubscriptionId,
    [property: Description("The plan.")] Guid PlanId,
    [property: Description("The member, as a customer of the store.")] Guid CustomerId,
    [property: Description("Who cancelled: customer or merchant.")] string CanceledBy,
    [property: Description("When access ends: the end of the paid period (ISO 8601, UTC).")] DateTimeOffset AccessEndsAt,
    [property: Description("When it was cancelled (ISO 8601, UTC).")] DateTimeOffset CanceledAt) : IPlatformEvent
{
    public const string TypeName = "subscription.canceled";

    static string IPlatformEvent.TypeName => TypeName;
}
