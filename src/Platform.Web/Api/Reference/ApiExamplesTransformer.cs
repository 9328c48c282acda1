using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Core.Catalog;
using Platform.Core.Webhooks;

namespace Platform.Web.Api.Reference;

/// <summary>
/// Puts an example on the schemas a caller writes or reads most: the request bodies, a product, an order and the two
/// problem shapes. Examples are records serialized with the API's own JSON settings, so they cannot drift from the
/// real field names.
/// </summary>
public sealed class ApiExamplesTransformer : IOpenApiSchemaTransformer
{
    private static readonly Guid ProductId = Guid.Parse("0193a5b2-7c1e-7d4a-9f3b-2a6c8e0d1f42");
    private static readonly Guid BotId = Guid.Parse("0193a5b2-7c1e-7d4a-9f3b-2a6c8e0d1f43");
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(ProductRequest)] = new ProductRequest("license_key", "Pro licence", "One key for one seat.", 250, "published", null, null, null, null, null,
            null, null),
        [typeof(ProductResponse)] = new ProductResponse(ProductId, "license_key", "Pro licence", "One key for one seat.", "One key for one seat.", 250,
            "published", null, 0, null, null, null, 0, 40, At, At, null),
        [typeof(PlanGrantsRequest)] = new PlanGrantsRequest([-1001234567890], [ProductId], "personal_link"),
        [typeof(PlanGrantsResponse)] = new PlanGrantsResponse([new PlanChatResponse(-1001234567890, "Members' lounge")], [ProductId], "personal_link"),
        [typeof(CategoryRequest)] = new CategoryRequest("Starter packs"),
        [typeof(StorePatchRequest)] = new StorePatchRequest("Pixel Books", "Welcome! Tap Catalog to browse.", null, null, null, null, "@pixelbooks", "en",
            new Dictionary<string, string?> { ["catalog"] = "Browse" }, SubscriptionReminderDays: 3, SubscriptionGraceHours: 24),
        [typeof(RegisterBotRequest)] = new RegisterBotRequest("123456789:AAF-token-from-BotFather-35-characters"),
        [typeof(WebhookEndpointInput)] = new WebhookEndpointInput("https://shop.example/hooks/starfront", "Fulfilment sync", ["order.paid", "order.refunded"]),
        [typeof(WebhookReplayRequest)] = new WebhookReplayRequest(At, At.AddDays(1)),
        [typeof(BalanceResponse)] = new BalanceResponse(At, [new BotBalanceResponse(BotId, "pixelbooks_bot", new(2450, 0), new(200, 0), new(0, 0),
            new(2250, 0), new(950, 0), new(1300, 0), 1000, true, At.AddDays(3), [new StarReleaseResponse(DateOnly.FromDateTime(At.AddDays(3).UtcDateTime),
                new(950, 0))])]),
        [typeof(LedgerEntryResponse)] = new LedgerEntryResponse(ProductId, BotId, "payment", new(250, 0), At, At.AddDays(21), "stxAbC123", ProductId, null),
        [typeof(KeysResponse)] = new KeysResponse(12, 3, 0, 40, "12 added, 3 duplicates skipped."),
        [typeof(ProblemDetails)] = new ProblemDetails
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            Title = "Product not found",
            Status = StatusCodes.Status404NotFound,
            Detail = $"This store has no product {ProductId}.",
        },
        [typeof(HttpValidationProblemDetails)] = new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["priceStars"] = [$"The price is a whole number of Stars from {ProductRules.MinPriceStars} to {ProductRules.MaxPriceStars:N0}."],
        })
        {
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            Title = ApiProblems.InvalidTitle,
            Status = StatusCodes.Status400BadRequest,
        },
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (Examples.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Options)!];
        }

        return Task.CompletedTask;
    }
}
