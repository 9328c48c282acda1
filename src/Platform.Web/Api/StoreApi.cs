using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Catalog;
using Platform.Core.Tenancy;

namespace Platform.Web.Api;

/// <summary><c>GET</c>/<c>PATCH /api/v1/store</c>: the store with its storefront (what the bot shows), effective at once.</summary>
public static class StoreApi
{
    public static RouteGroupBuilder MapStoreApi(this IEndpointRouteBuilder api)
    {
        var store = api.MapGroup("/store").WithTags("Store");
        store.MapGet("", GetStoreAsync).WithName("GetStore").WithSummary("Get the store and its storefront");
        store.MapPatch("", PatchStoreAsync).WithName("PatchStore").WithSummary("Change the storefront").ProducesValidationProblem();
        return store;
    }

    private static async Task<Ok<StoreDetailsResponse>> GetStoreAsync(
        ITenantContextAccessor tenant, StorefrontReader reader, CategoryService categories, CancellationToken cancellationToken) =>
        TypedResults.Ok(StoreDetailsResponse.From(tenant.Tenant!, await reader.GetAsync(cancellationToken), await categories.ListAsync(cancellationToken)));

    private static async Task<Results<Ok<StoreDetailsResponse>, ProblemHttpResult>> PatchStoreAsync(
        StorePatchRequest body, ITenantContextAccessor tenant, StorefrontService service, CategoryService categories, CancellationToken cancellationToken)
    {
        var result = await service.UpdateAsync(new StorefrontInput
        {
            DisplayName = body.DisplayName,
            WelcomeText = body.WelcomeText,
            WelcomeImageFileId = body.WelcomeImageFileId,
            AboutText = body.AboutText,
            TermsText = body.TermsText,
            SupportText = body.SupportText,
            SupportContact = body.SupportContact,
            DefaultLanguage = body.DefaultLanguage,
            ButtonTexts = body.ButtonTexts,
            SubscriptionReminderDays = body.SubscriptionReminderDays,
            SubscriptionGraceHours = body.SubscriptionGraceHours,
        }, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(StoreDetailsResponse.From(tenant.Tenant!, result.Value, await categories.ListAsync(cancellationToken)))
            : ApiProblems.Failed(result.Failure);
    }
}
