namespace Platform.Core.Tenancy;

/// <summary>Scoped holder of the current tenant: the accessor and setter pair.</summary>
public sealed class TenantContext : ITenantContextAccessor, ITenantContextSetter
{
    public TenantInfo? Tenant { get; private set; }

    public bool IsCrossTenantReader { get; init; }

    public void SetTenant(TenantInfo tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (Tenant is not null && Tenant.Id != tenant.Id)
        {
            throw new TenantMismatchException(
                $"This scope already serves tenant {Tenant.Id}; it cannot switch to {tenant.Id}.");
        }

        Tenant = tenant;
    }
}
