using Platform.Core.Orders;
using Platform.Core.Payments;

namespace Platform.Web.Api;

/// <summary>
/// <c>POST /api/v1/orders/{id}/refund</c>, owner-only like the portal's refund page: client-credentials tokens pass
/// (only owners create API clients), a user's token must belong to an owner. Repeating it is safe: an order already
/// refunded answers 200 with the same order and nothing moves again.
/// </summary>
public static class OrderRefundApi
{
    public static RouteGroupBuilder MapOrderRefundApi(this RouteGroupBuilder api)
    {
        api.MapPost("/orders/{id:guid}/refund", async (Guid id, RefundService refunds, OrderReader orders, CancellationToken cancellationToken) =>
            await refunds.RefundAsync(id, cancellationToken) switch
            {
                RefundResult.Refunded or RefundResult.AlreadyRefunded when await orders.GetAsync(id, cancellationToken) is { } detail =>
                    Results.Ok(OrderResponse.From(detail.Order)),
                RefundResult.NotPaid => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Order not paid", detail: "Only paid or fulfilled orders can be refunded."),
                RefundResult.TelegramFailed => Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Telegram refused the refund", detail: refunds.LastTelegramError),
                _ => ApiNames.NotFound("Order", id),
            })
            .AddEndpointFilter<StoreOwnerApiFilter>();
        return api;
    }
}
