using Platform.Core.Tenancy;

namespace Platform.Web.Api;

/// <summary>The token's store as <c>GET /api/v1/store</c> returns it.</summary>
public sealed record StoreResponse(Guid Id, string Slug, string Name, string Status)
{
    public static StoreResponse From(TenantInfo tenant) => new(tenant.Id, tenant.Slug, tenant.Name, tenant.Status.ToString().ToLowerInvariant());
}
