namespace Platform.Core.Tenancy;

/// <summary>
/// Sets the tenant once per request or job, before any DbContext is created for it.
/// Setting a different tenant afterwards throws: a scope never changes tenant midway.
/// </summary>
public interface ITenantContextSetter
{
    void SetTenant(TenantInfo tenant);
}
