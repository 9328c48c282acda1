using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Common;
using Platform.Core.Webhooks;

namespace Platform.Web.Api;

/// <summary>
/// <c>/api/v1/webhook-endpoints</c>: CRUD, rotate, test and replay (the delivery log is <see cref="WebhookDeliveriesApi"/>).
/// Everything runs in the caller's tenant scope, so another store's endpoint is a 404, never a 403 that confirms it
/// exists. Field errors keep the input's property names (<c>Url</c>, <c>EventTypes</c>), as this API always answered.
/// </summary>
public static class WebhookEndpointsApi
{
    private const string NotSaved = "The endpoint was not saved";

    public static RouteGroupBuilder MapWebhookEndpointsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/webhook-endpoints").WithTags("Webhook endpoints").AddEndpointFilter<StoreOwnerApiFilter>();
        group.MapGet("/", ListEndpointsAsync).WithName("ListWebhookEndpoints").WithSummary("List webhook endpoints");
        group.MapPost("/", CreateEndpointAsync).WithName("CreateWebhookEndpoint").WithSummary("Create a webhook endpoint").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetEndpointAsync).WithName("GetWebhookEndpoint").WithSummary("Get a webhook endpoint")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateEndpointAsync).WithName("UpdateWebhookEndpoint").WithSummary("Change a webhook endpoint")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteEndpointAsync).WithName("DeleteWebhookEndpoint").WithSummary("Delete a webhook endpoint")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/rotate-secret", RotateSecretAsync).WithName("RotateWebhookSecret").WithSummary("Rotate the signing secret")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/test", SendTestEventAsync).WithName("SendWebhookTestEvent").WithSummary("Send a test event")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/replay", ReplayFailedAsync).WithName("ReplayFailedWebhookDeliveries").WithSummary("Replay failed deliveries")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    internal static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound("Webhook endpoint not found", $"This store has no webhook endpoint {id}.");

    private static async Task<Ok<IEnumerable<WebhookEndpointResponse>>> ListEndpointsAsync(WebhookEndpointService endpoints, CancellationToken ct) =>
        TypedResults.Ok((await endpoints.ListAsync(ct)).Select(e => WebhookEndpointResponse.From(e)));

    private static async Task<Results<Created<WebhookEndpointResponse>, ProblemHttpResult>> CreateEndpointAsync(
        WebhookEndpointInput input, WebhookEndpointService endpoints, CancellationToken ct)
    {
        var result = await endpoints.CreateAsync(input, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/webhook-endpoints/{result.Value.Endpoint.Id}",
                WebhookEndpointResponse.From(result.Value.Endpoint, result.Value.Secret))
            : ApiProblems.Failed(result.Failure, NotSaved, jsonFieldNames: false);
    }

    private static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> GetEndpointAsync(Guid id, WebhookEndpointService endpoints,
        CancellationToken ct) =>
        await endpoints.FindAsync(id, ct) is { } e ? TypedResults.Ok(WebhookEndpointResponse.From(e)) : NotFound(id);

    private static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> UpdateEndpointAsync(
        Guid id, WebhookEndpointInput input, WebhookEndpointService endpoints, CancellationToken ct)
    {
        var result = await endpoints.UpdateAsync(id, input, ct);
        return result.Succeeded ? TypedResults.Ok(WebhookEndpointResponse.From(result.Value))
            : result.Failure.Kind == FailureKind.NotFound ? NotFound(id)
            : ApiProblems.Failed(result.Failure, NotSaved, jsonFieldNames: false);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteEndpointAsync(Guid id, WebhookEndpointService endpoints, CancellationToken ct) =>
        await endpoints.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> RotateSecretAsync(Guid id, WebhookEndpointService endpoints,
        CancellationToken ct) =>
        await endpoints.RotateSecretAsync(id, ct) is { } secret
            ? TypedResults.Ok(WebhookEndpointResponse.From((await endpoints.FindAsync(id, ct))!, secret))
            : NotFound(id);

    private static async Task<Results<Accepted<WebhookTestResponse>, ProblemHttpResult>> SendTestEventAsync(Guid id, WebhookEndpointService endpoints,
        CancellationToken ct) =>
        await endpoints.SendTestEventAsync(id, ct) is { } eventId ? TypedResults.Accepted((string?)null, new WebhookTestResponse(eventId)) : NotFound(id);

    private static async Task<Results<Accepted<WebhookReplayResponse>, ProblemHttpResult>> ReplayFailedAsync(
        Guid id, WebhookReplayRequest request, WebhookEndpointService endpoints, WebhookDeliveryService deliveries, CancellationToken ct)
    {
        if (request.From is not { } from || request.To is not { } to || from >= to)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["from"] = ["Give from and to (ISO 8601), with from before to."] },
                title: "One or more validation errors occurred.");
        }

        return await endpoints.FindAsync(id, ct) is null
            ? NotFound(id)
            : TypedResults.Accepted((string?)null, new WebhookReplayResponse(await deliveries.ReplayFailedAsync(id, from, to, ct)));
    }
}
