using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Orders;
using Platform.Core.Payments;

namespace Platform.Web.Api;

/// <summary>
/// <c>GET /api/v1/orders</c> (filters: status, productId, customerId, customer = Telegram id or username prefix,
/// from/to as ISO dates, page from 0, pageSize ≤ 100), <c>GET /api/v1/orders/{id}</c> with deliveries, and
/// <c>POST /api/v1/orders/{id}/refund</c>, owner-only like the portal's refund page: client-credentials tokens pass
/// (only owners create API clients), a user's token must belong to an owner. Repeating the refund is safe: an order
/// already refunded answers 200 with the same order and nothing moves again.
/// </summary>
public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");
        orders.MapGet("", ListOrdersAsync).WithName("ListOrders").WithSummary("List orders").ProducesValidationProblem();
        orders.MapGet("/{id:guid}", GetOrderAsync).WithName("GetOrder").WithSummary("Get an order with its deliveries")
            .ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapPost("/{id:guid}/refund", RefundOrderAsync).WithName("RefundOrder").WithSummary("Refund an order")
            .AddEndpointFilter<StoreOwnerApiFilter>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
        return orders;
    }

    private static async Task<Results<Ok<OrderPageResponse>, ProblemHttpResult>> ListOrdersAsync(
        string? status, Guid? productId, Guid? customerId, string? customer, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
        OrderReader reader, CancellationToken cancellationToken)
    {
        OrderStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!ApiNames.TryParse<OrderStatus>(status, out var value))
            {
                return ApiProblems.Invalid("status", $"Use one of: {ApiNames.Allowed<OrderStatus>()}.");
            }

            parsed = value;
        }

        if (page < 0 || pageSize is < 1 or > OrderFilter.MaxPageSize)
        {
            return ApiProblems.Invalid("page", $"page starts at 0; pageSize is 1 to {OrderFilter.MaxPageSize}.");
        }

        var result = await reader.ListAsync(new OrderFilter
        {
            Status = parsed,
            ProductId = productId,
            CustomerId = customerId,
            Customer = customer,
            From = from,
            To = to,
            Page = page ?? 0,
            PageSize = pageSize ?? OrderFilter.DefaultPageSize,
        }, cancellationToken);
        return TypedResults.Ok(new OrderPageResponse(result.Items.Select(OrderResponse.From), result.Page, result.PageSize, result.TotalCount));
    }

    private static async Task<Results<Ok<OrderDetailResponse>, ProblemHttpResult>> GetOrderAsync(Guid id, OrderReader reader,
        CancellationToken cancellationToken) =>
        await reader.GetAsync(id, cancellationToken) is { } detail ? TypedResults.Ok(OrderDetailResponse.From(detail)) : ApiProblems.NotFound("Order", id);

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> RefundOrderAsync(
        Guid id, RefundService refunds, OrderReader orders, CancellationToken cancellationToken) =>
        await refunds.RefundAsync(id, cancellationToken) switch
        {
            RefundResult.Refunded or RefundResult.AlreadyRefunded when await orders.GetAsync(id, cancellationToken) is { } detail =>
                TypedResults.Ok(OrderResponse.From(detail.Order)),
            RefundResult.NotPaid => ApiProblems.Conflict("Order not paid", "Only paid or fulfilled orders can be refunded."),
            RefundResult.TelegramFailed => ApiProblems.Problem(StatusCodes.Status502BadGateway, "Telegram refused the refund", refunds.LastTelegramError),
            _ => ApiProblems.NotFound("Order", id),
        };
}
