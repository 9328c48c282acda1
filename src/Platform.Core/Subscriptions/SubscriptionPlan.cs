using Platform.Core.Tenancy;

namespace Platform.Core.Subscriptions;

/// <summary>
/// What a subscription product grants beyond its catalog fields (which stay on <see cref="Catalog.Product"/>): how
/// members enter its chats. One row per plan (key = the product id); its grants are <see cref="PlanGrant"/> rows.
/// </summary>
public sealed class SubscriptionPlan : ITenantOwned
{
    public Guid ProductId { get; set; }
    public Guid TenantId { get; set; }
    public ChannelAccessMode ChannelAccess { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
