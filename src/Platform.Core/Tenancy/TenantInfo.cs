namespace Platform.Core.Tenancy;

/// <summary>The resolved tenant of a request or job: an immutable snapshot kept in the tenant context.</summary>
public sealed record TenantInfo(Guid Id, string Slug, string Name, TenantStatus Status, bool DeliveriesFrozen = false, string? SuspensionReason = null)
{
    public bool IsActive => Status == TenantStatus.Active;

    public static TenantInfo From(Tenant tenant) =>
        new(tenant.Id, tenant.Slug, tenant.Name, tenant.Status, tenant.DeliveriesFrozen, tenant.SuspensionReason);
}
