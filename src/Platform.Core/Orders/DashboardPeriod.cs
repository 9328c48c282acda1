namespace Platform.Core.Orders;

/// <summary>
/// The store dashboard's figures over the last <see cref="Days"/> UTC days (today included), so the merchant reads one
/// period the same way on every card: Stars earned is what was paid in the period minus what was refunded in it.
/// </summary>
/// <param name="Days">1 (today), 7 or 30.</param>
/// <param name="PaidStars">Stars of the orders paid in the period (later refunds included).</param>
/// <param name="RefundedStars">Stars of the orders refunded in the period, whenever they were paid.</param>
/// <param name="Orders">Orders paid in the period.</param>
/// <param name="Buyers">Distinct customers with an order paid in the period.</param>
/// <param name="Refunds">Orders refunded in the period.</param>
public sealed record DashboardPeriod(int Days, long PaidStars, long RefundedStars, int Orders, int Buyers, int Refunds)
{
    /// <summary>Paid minus refunded: may be negative on a day with more refunds than sales.</summary>
    public long EarnedStars => PaidStars - RefundedStars;
}
