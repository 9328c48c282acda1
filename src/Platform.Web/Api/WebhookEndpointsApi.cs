using Platform.Core.Webhooks;

namespace Platform.Web.Api;

/// <summary>
/// <c>/webhook-endpoints</c> under the API group: CRUD, rotate, test, delivery log, retry and replay. Everything runs
/// in the caller's tenant scope, so another store's endpoint or delivery is a 404, never a 403 that confirms it exists.
/// </summary>
public static class WebhookEndpointsApi
{
    public static RouteGroupBuilder MapWebhookEndpointsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/webhook-endpoints").AddEndpointFilter<StoreOwnerApiFilter>();

        group.MapGet("/", async (WebhookEndpointService endpoints, CancellationToken ct) =>
            Results.Ok((await endpoints.ListAsync(ct)).Select(e => WebhookEndpointResponse.From(e))));

        group.MapPost("/", async (WebhookEndpointInput input, WebhookEndpointService endpoints, CancellationToken ct) =>
        {
            var result = await endpoints.CreateAsync(input, ct);
            return result.Succeeded
                ? Results.Created($"/api/v1/webhook-endpoints/{result.Endpoint!.Id}", WebhookEndpointResponse.From(result.Endpoint, result.Secret))
                : Results.ValidationProblem(result.Errors, title: "The endpoint was not saved");
        });

        group.MapGet("/{id:guid}", async (Guid id, WebhookEndpointService endpoints, CancellationToken ct) =>
            await endpoints.FindAsync(id, ct) is { } e ? Results.Ok(WebhookEndpointResponse.From(e)) : NotFound(id));

        group.MapPut("/{id:guid}", async (Guid id, WebhookEndpointInput input, WebhookEndpointService endpoints, CancellationToken ct) =>
            await endpoints.UpdateAsync(id, input, ct) switch
            {
                null => NotFound(id),
                { Succeeded: true } r => Results.Ok(WebhookEndpointResponse.From(r.Endpoint!)),
                var r => Results.ValidationProblem(r.Errors, title: "The endpoint was not saved"),
            });

        group.MapDelete("/{id:guid}", async (Guid id, WebhookEndpointService endpoints, CancellationToken ct) =>
            await endpoints.DeleteAsync(id, ct) ? Results.NoContent() : NotFound(id));

        group.MapPost("/{id:guid}/rotate-secret", async (Guid id, WebhookEndpointService endpoints, CancellationToken ct) =>
            await endpoints.RotateSecretAsync(id, ct) is { } secret
                ? Results.Ok(WebhookEndpointResponse.From((await endpoints.FindAsync(id, ct))!, secret))
                : NotFound(id));

        group.MapPost("/{id:guid}/test", async (Guid id, WebhookEndpointService endpoints, CancellationToken ct) =>
            await endpoints.SendTestEventAsync(id, ct) is { } eventId ? Results.Accepted(value: new { EventId = eventId }) : NotFound(id));

        group.MapGet("/{id:guid}/deliveries", async (Guid id, string? status, DateTimeOffset? before, int? limit,
            WebhookEndpointService endpoints, WebhookDeliveryService deliveries, CancellationToken ct) =>
        {
            WebhookDeliveryStatus? wanted = null;
            if (status is not null)
            {
                if (!Enum.TryParse<WebhookDeliveryStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Use pending, succeeded or failed."] });
                }

                wanted = parsed;
            }

            if (await endpoints.FindAsync(id, ct) is null)
            {
                return NotFound(id);
            }

            var page = await deliveries.ListAsync(id, wanted, before, limit ?? 50, ct);
            var attempts = await deliveries.AttemptsAsync([.. page.Select(d => d.Id)], ct);
            return Results.Ok(page.Select(d => WebhookDeliveryResponse.From(d, attempts[d.Id])));
        });

        group.MapGet("/{id:guid}/deliveries/{deliveryId:guid}", async (Guid id, Guid deliveryId, WebhookDeliveryService deliveries, CancellationToken ct) =>
        {
            if (await deliveries.FindAsync(id, deliveryId, ct) is not { } delivery)
            {
                return ApiProblem(StatusCodes.Status404NotFound, "Delivery not found", $"This endpoint has no delivery {deliveryId}.");
            }

            var attempts = await deliveries.AttemptsAsync([delivery.Id], ct);
            return Results.Ok(WebhookDeliveryResponse.From(delivery, attempts[delivery.Id]));
        });

        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/retry", async (Guid id, Guid deliveryId, WebhookDeliveryService deliveries, CancellationToken ct) =>
            await deliveries.RetryAsync(id, deliveryId, ct)
                ? Results.Accepted()
                : ApiProblem(StatusCodes.Status404NotFound, "Delivery not found", $"This endpoint has no delivery {deliveryId}."));

        group.MapPost("/{id:guid}/replay", async (Guid id, WebhookReplayRequest request,
            WebhookEndpointService endpoints, WebhookDeliveryService deliveries, CancellationToken ct) =>
        {
            if (request.From is not { } from || request.To is not { } to || from >= to)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Give from and to (ISO 8601), with from before to."] });
            }

            return await endpoints.FindAsync(id, ct) is null
                ? NotFound(id)
                : Results.Accepted(value: new { Replayed = await deliveries.ReplayFailedAsync(id, from, to, ct) });
        });

        return group;
    }

    private static IResult NotFound(Guid id) =>
        ApiProblem(StatusCodes.Status404NotFound, "Webhook endpoint not found", $"This store has no webhook endpoint {id}.");

    private static IResult ApiProblem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
