using Platform.Core.Catalog;
using Platform.Core.Tenancy;

namespace Platform.Web.Api;

/// <summary><c>GET /api/v1/store</c>: the store (id, slug, name, status) with its storefront settings and categories.</summary>
public sealed record StoreDetailsResponse(Guid Id, string Slug, string Name, string Status, Storefront Storefront, IReadOnlyList<CategoryResponse> Categories)
{
    public static StoreDetailsResponse From(TenantInfo tenant, Storefront storefront, IReadOnlyList<Category> categories) =>
        new(tenant.Id, tenant.Slug, tenant.Name, tenant.Status.ToString().ToLowerInvariant(), storefront,
            categories.Select(CategoryResponse.From).ToList());
}
