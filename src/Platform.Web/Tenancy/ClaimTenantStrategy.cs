using Platform.Core.Tenancy;

namespace Platform.Web.Tenancy;

/// <summary>The signed-in user's current store (cookie) or the API token's store (bearer), from the tenant_id claim.</summary>
public sealed class ClaimTenantStrategy(ITenantStore store) : ITenantResolutionStrategy
{
    public int Priority => 100;

    public async Task<TenantResolution?> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var value = context.User.FindFirst(TenantClaimTypes.TenantId)?.Value;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var tenant = Guid.TryParse(value, out var id) ? await store.FindByIdAsync(id, cancellationToken) : null;
        return new TenantResolution("claim", value, tenant);
    }
}
