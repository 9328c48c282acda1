using Platform.Core.Orders;

namespace Platform.Web.Api;

public sealed record OrderResponse(
    Guid Id, string Status, Guid ProductId, string ProductTitle, int PriceStars, Guid CustomerId, long CustomerTelegramUserId,
    string? CustomerUsername, Guid BotId, int DownloadCount, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt,
    DateTimeOffset? FulfilledAt, DateTimeOffset? RefundedAt)
{
    public static OrderResponse From(OrderSummary o) => new(o.Id, ApiNames.Of(o.Status), o.ProductId, o.ProductTitle, o.PriceStars, o.CustomerId,
        o.CustomerTelegramUserId, o.CustomerUsername, o.BotId, o.DownloadCount, o.CreatedAt, o.PaidAt, o.FulfilledAt, o.RefundedAt);
}
