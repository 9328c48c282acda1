namespace Platform.Core.Orders;

/// <summary>
/// Totals of a filtered orders list, over the whole filtered set (not one page), so the merchant reads the takings of
/// "last month" or "this product" at a glance. Paid counts every order that was paid (paid, delivered or refunded since);
/// refunded is what went back; net is what stayed.
/// </summary>
public sealed record OrderTotals(int Count, long PaidStars, long RefundedStars)
{
    public long NetStars => PaidStars - RefundedStars;
}
