using Platform.Core.Orders;

namespace Platform.Web.Api;

/// <summary>
/// <c>GET /api/v1/orders</c> (filters: status, productId, customerId, customer = Telegram id or username prefix,
/// from/to as ISO dates, page from 0, pageSize ≤ 100) and <c>GET /api/v1/orders/{id}</c> with deliveries.
/// </summary>
public static class OrdersEndpoints
{
    public static IEndpointRouteBuilder MapOrdersEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/orders", ListAsync);
        api.MapGet("/orders/{id:guid}", GetAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(
        string? status, Guid? productId, Guid? customerId, string? customer, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
        OrderReader reader, CancellationToken cancellationToken)
    {
        OrderStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!ApiNames.TryParse<OrderStatus>(status, out var value))
            {
                return ApiNames.Invalid(new Dictionary<string, string[]> { ["status"] = [$"Use one of: {ApiNames.Allowed<OrderStatus>()}."] });
            }

            parsed = value;
        }

        if (page < 0 || pageSize is < 1 or > OrderFilter.MaxPageSize)
        {
            return ApiNames.Invalid(new Dictionary<string, string[]> { ["page"] = [$"page starts at 0; pageSize is 1 to {OrderFilter.MaxPageSize}."] });
        }

        var result = await reader.ListAsync(new OrderFilter
        {
            Status = parsed, ProductId = productId, CustomerId = customerId, Customer = customer, From = from, To = to,
            Page = page ?? 0, PageSize = pageSize ?? OrderFilter.DefaultPageSize,
        }, cancellationToken);
        return Results.Ok(new { items = result.Items.Select(OrderResponse.From), page = result.Page, pageSize = result.PageSize, total = result.TotalCount });
    }

    private static async Task<IResult> GetAsync(Guid id, OrderReader reader, CancellationToken cancellationToken) =>
        await reader.GetAsync(id, cancellationToken) is { } detail ? Results.Ok(OrderDetailResponse.From(detail)) : ApiNames.NotFound("Order", id);
}
