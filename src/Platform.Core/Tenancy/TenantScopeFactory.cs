using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Tenancy;

/// <summary>
/// Opens a DI scope already bound to one tenant: the way jobs, sign-up and other out-of-request work
/// get a tenant-scoped DbContext (the tenant is set before anything in the scope can create one).
/// </summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopes)
{
    public AsyncServiceScope CreateScope(TenantInfo tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContextSetter>().SetTenant(tenant);
        return scope;
    }
}
