using Platform.Web.Api.Reference;
using Platform.Web.Identity;
using Platform.Web.Text;

namespace Platform.Web.Api;

public static class PlatformApiExtensions
{
    /// <summary>
    /// Maps the OpenID Connect passthrough endpoints, the <c>/api/v1</c> group and its public reference
    /// (<c>/openapi/v1.json</c>, <c>/api/docs</c>). Every API route needs an
    /// access token naming an active store; resources of other stores are invisible (tenant filter → 404).
    /// </summary>
    public static IEndpointRouteBuilder MapPlatformApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuthorizationEndpoints();

        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(ApiPolicies.ApiAccess)
            .AddEndpointFilter<ApiCallerFilter>()
            .AddEndpointFilter<ForbiddenTextEndpointFilter>()
            .DisableAntiforgery();

        // One static class per resource (issue 13): MapXApi makes its group; named handlers return typed results.
        api.MapStoreApi();
        api.MapProductsApi();
        api.MapCategoriesApi();
        api.MapFilesApi();
        api.MapOrdersApi();
        api.MapApiClientsApi();
        api.MapWebhookEndpointsApi();
        api.MapWebhookDeliveriesApi();
        api.MapBotsApi();
        api.MapSubscriptionsApi();
        api.MapBalanceApi();
        api.MapLedgerApi();

        endpoints.MapPlatformApiReference();
        return endpoints;
    }
}
