namespace Platform.Core.Orders;

/// <summary>A best seller of the last 30 days, ranked by Stars of its paid, unrefunded orders: what the merchant should promote.</summary>
public sealed record DashboardTopProduct(Guid ProductId, string Title, long Stars, int Orders);
