using Platform.Core.Tenancy;

namespace Platform.Web.Tenancy;

/// <summary>The store named in the URL, e.g. <c>/stores/{tenant}/team</c> or <c>/invite/{tenant}/{token}</c>.</summary>
public sealed class RouteSlugTenantStrategy(ITenantStore store) : ITenantResolutionStrategy
{
    public const string RouteKey = "tenant";

    public int Priority => 200;

    public async Task<TenantResolution?> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.GetRouteValue(RouteKey) is not string slug || slug.Length == 0)
        {
            return null;
        }

        var tenant = slug.Length <= Tenant.SlugMaxLength ? await store.FindBySlugAsync(slug, cancellationToken) : null;
        return new TenantResolution("route", slug, tenant);
    }
}
