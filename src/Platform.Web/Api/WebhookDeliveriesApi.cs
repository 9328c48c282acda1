using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Webhooks;

namespace Platform.Web.Api;

/// <summary>
/// <c>/api/v1/webhook-endpoints/{id}/deliveries</c>: an endpoint's delivery log with its attempts, and retry of one
/// delivery. Owner-only and tenant-scoped like <see cref="WebhookEndpointsApi"/>.
/// </summary>
public static class WebhookDeliveriesApi
{
    public static RouteGroupBuilder MapWebhookDeliveriesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/webhook-endpoints/{id:guid}/deliveries").WithTags("Webhook endpoints").AddEndpointFilter<StoreOwnerApiFilter>();
        group.MapGet("", ListDeliveriesAsync).WithName("ListWebhookDeliveries").WithSummary("List an endpoint's deliveries")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{deliveryId:guid}", GetDeliveryAsync).WithName("GetWebhookDelivery").WithSummary("Get a delivery with its attempts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{deliveryId:guid}/retry", RetryDeliveryAsync).WithName("RetryWebhookDelivery").WithSummary("Retry a delivery now")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<IEnumerable<WebhookDeliveryResponse>>, ProblemHttpResult>> ListDeliveriesAsync(
        Guid id, string? status, DateTimeOffset? before, int? limit, WebhookEndpointService endpoints, WebhookDeliveryService deliveries, CancellationToken ct)
    {
        WebhookDeliveryStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<WebhookDeliveryStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return ApiProblems.Invalid(new Dictionary<string, string[]> { ["status"] = ["Use pending, succeeded or failed."] },
                    title: "One or more validation errors occurred.");
            }

            wanted = parsed;
        }

        if (await endpoints.FindAsync(id, ct) is null)
        {
            return WebhookEndpointsApi.NotFound(id);
        }

        var page = await deliveries.ListAsync(id, wanted, before, limit ?? 50, ct);
        var attempts = await deliveries.AttemptsAsync([.. page.Select(d => d.Id)], ct);
        return TypedResults.Ok(page.Select(d => WebhookDeliveryResponse.From(d, attempts[d.Id])));
    }

    private static async Task<Results<Ok<WebhookDeliveryResponse>, ProblemHttpResult>> GetDeliveryAsync(
        Guid id, Guid deliveryId, WebhookDeliveryService deliveries, CancellationToken ct)
    {
        if (await deliveries.FindAsync(id, deliveryId, ct) is not { } delivery)
        {
            return DeliveryNotFound(deliveryId);
        }

        var attempts = await deliveries.AttemptsAsync([delivery.Id], ct);
        return TypedResults.Ok(WebhookDeliveryResponse.From(delivery, attempts[delivery.Id]));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> RetryDeliveryAsync(Guid id, Guid deliveryId, WebhookDeliveryService deliveries,
        CancellationToken ct) =>
        await deliveries.RetryAsync(id, deliveryId, ct) ? TypedResults.Accepted((string?)null) : DeliveryNotFound(deliveryId);

    private static ProblemHttpResult DeliveryNotFound(Guid deliveryId) =>
        ApiProblems.NotFound("Delivery not found", $"This endpoint has no delivery {deliveryId}.");
}
