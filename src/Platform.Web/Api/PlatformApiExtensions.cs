using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Web.Identity;
using Platform.Web.Text;

namespace Platform.Web.Api;

public static class PlatformApiExtensions
{
    /// <summary>
    /// Maps the OpenID Connect passthrough endpoints and the <c>/api/v1</c> group. Every API route needs an
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

        // Issue 4, merchant side: the store with its storefront (replaces the bare GET /store), catalog, files, orders.
        api.MapStoreEndpoints();
        api.MapProductsEndpoints();
        api.MapCategoriesEndpoints();
        api.MapFilesEndpoints();
        api.MapOrdersEndpoints();

        api.MapGet("/api-clients", async (ApiClientService clients, CancellationToken cancellationToken) =>
            Results.Ok((await clients.ListAsync(cancellationToken)).Select(ApiClientResponse.From)));

        api.MapGet("/api-clients/{id:guid}", async (Guid id, ApiClientService clients, CancellationToken cancellationToken) =>
            await clients.FindAsync(id, cancellationToken) is { } client
                ? Results.Ok(ApiClientResponse.From(client))
                : ApiProblems.NotFound("API client not found", $"This store has no API client {id}."));

        api.MapWebhookEndpointsApi();
        api.MapBotsApi();
        api.MapOrderRefundApi();

        return endpoints;
    }
}
