using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Identity;

namespace Platform.Web.Api;

/// <summary><c>/api/v1/api-clients</c>: the store's API clients, read-only (owners create and revoke them in the portal).</summary>
public static class ApiClientsApi
{
    public static RouteGroupBuilder MapApiClientsApi(this IEndpointRouteBuilder api)
    {
        var clients = api.MapGroup("/api-clients").WithTags("API clients");
        clients.MapGet("", ListApiClientsAsync).WithName("ListApiClients").WithSummary("List API clients");
        clients.MapGet("/{id:guid}", GetApiClientAsync).WithName("GetApiClient").WithSummary("Get an API client")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return clients;
    }

    private static async Task<Ok<IEnumerable<ApiClientResponse>>> ListApiClientsAsync(ApiClientService clients, CancellationToken cancellationToken) =>
        TypedResults.Ok((await clients.ListAsync(cancellationToken)).Select(ApiClientResponse.From));

    private static async Task<Results<Ok<ApiClientResponse>, ProblemHttpResult>> GetApiClientAsync(
        Guid id, ApiClientService clients, CancellationToken cancellationToken) =>
        await clients.FindAsync(id, cancellationToken) is { } client
            ? TypedResults.Ok(ApiClientResponse.From(client))
            : ApiProblems.NotFound("API client not found", $"This store has no API client {id}.");
}
