namespace Platform.Web.Api;

/// <summary>One page of <c>GET /api/v1/orders</c>: the orders, the page asked for and the total matching the filters.</summary>
public sealed record OrderPageResponse(IEnumerable<OrderResponse> Items, int Page, int PageSize, int Total);
