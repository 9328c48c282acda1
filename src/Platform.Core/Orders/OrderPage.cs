namespace Platform.Core.Orders;

public sealed record OrderPage(IReadOnlyList<OrderSummary> Items, int Page, int PageSize, int TotalCount)
{
    public bool HasNext => (Page + 1) * PageSize < TotalCount;
}
