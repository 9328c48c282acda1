using Platform.Core.Catalog;
using Platform.Core.Tenancy;

namespace Platform.Web.Api;

/// <summary><c>GET</c>/<c>PATCH /api/v1/store</c>: the store with its storefront (what the bot shows), effective at once.</summary>
public static class StoreEndpoints
{
    public static IEndpointRouteBuilder MapStoreEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/store", GetAsync);
        api.MapPatch("/store", PatchAsync);
        return api;
    }

    private static async Task<IResult> GetAsync(ITenantContextAccessor tenant, StorefrontReader reader, CategoryService categories, CancellationToken cancellationToken) =>
        Results.Ok(StoreDetailsResponse.From(tenant.Tenant!, await reader.GetAsync(cancellationToken), await categories.ListAsync(cancellationToken)));

    private static async Task<IResult> PatchAsync(
        StorePatchRequest body, ITenantContextAccessor tenant, StorefrontService service, CategoryService categories, CancellationToken cancellationToken)
    {
        var result = await service.UpdateAsync(new StorefrontInput
        {
            DisplayName = body.DisplayName, WelcomeText = body.WelcomeText, WelcomeImageFileId = body.WelcomeImageFileId, AboutText = body.AboutText,
            TermsText = body.TermsText, SupportText = body.SupportText, SupportContact = body.SupportContact,
            DefaultLanguage = body.DefaultLanguage, ButtonTexts = body.ButtonTexts,
        }, cancellationToken);
        return result.Succeeded
            ? Results.Ok(StoreDetailsResponse.From(tenant.Tenant!, result.Storefront!, await categories.ListAsync(cancellationToken)))
            : ApiNames.Invalid(result.Errors);
    }
}
