using Platform.Core.Orders;

namespace Platform.Web.Api;

/// <summary><c>GET /api/v1/orders/{id}</c>: the order, its payment charge id, its key (key products) and delivery history.</summary>
public sealed record OrderDetailResponse(OrderResponse Order, string? TelegramPaymentChargeId, string? LicenseKey, IReadOnlyList<DeliveryResponse> Deliveries)
{
    public static OrderDetailResponse From(OrderDetail d) => new(OrderResponse.From(d.Order), d.TelegramPaymentChargeId, d.LicenseKey,
        d.Deliveries.Select(x => new DeliveryResponse(x.Id, ApiNames.Of(x.Kind), x.Sequence, x.TelegramMessageId, x.CreatedAt, x.SentAt)).ToList());
}
