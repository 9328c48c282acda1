using Platform.Core.Orders;

namespace Platform.Core.Administration;

/// <summary>One of a store's latest orders in the admin's store view (no buyer details beyond the order itself).</summary>
public sealed record StoreViewOrder(Guid Id, DateTimeOffset CreatedAt, string ProductTitle, int PriceStars, OrderStatus Status);
