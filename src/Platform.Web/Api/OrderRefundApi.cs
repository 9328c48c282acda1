using Platform.Core.Payments;

namespace Platform.Web.Api;

/// <summary><c>POST /api/v1/orders/{id}/refund</c>: API clients act for the store owner (only owners create them).</summary>
public static class OrderRefundApi
{
    public static RouteGroupBuilder MapOrderRefundApi(this RouteGroupBuilder api)
    {
        api.MapPost("/orders/{id:guid}/refund", async (Guid id, RefundService refunds, CancellationToken cancellationToken) =>
            await refunds.RefundAsync(id, cancellationToken) switch
            {
                RefundResult.Refunded => Results.Ok(new { order_id = id, status = "refunded" }),
                RefundResult.AlreadyRefunded => Results.Ok(new { order_id = id, status = "refunded", already = true }),
                RefundResult.NotFound => ApiProblems.NotFound("Order not found", $"This store has no order {id}."),
                RefundResult.NotPaid => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Order not paid", detail: "Only paid or fulfilled orders can be refunded."),
                _ => Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Telegram refused the refund", detail: refunds.LastTelegramError),
            });
        return api;
    }
}
