using Platform.Core.Tenancy;

namespace Platform.Tests.Accessibility;

/// <summary>
/// What the walk's seeded store holds, so the page table can turn route templates into real URLs (an order, a product
/// of each kind, a webhook endpoint, a live invitation token) and sign in as its owner and as a platform admin.
/// </summary>
public sealed record A11yWalkData(
    TenantInfo Tenant,
    string OwnerEmail,
    string AdminEmail,
    string InviteToken,
    Guid FileProductId,
    Guid KeyProductId,
    Guid TextProductId,
    Guid PlanId,
    Guid PaidOrderId,
    Guid RefundedOrderId,
    Guid WebhookId);
