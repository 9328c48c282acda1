namespace Platform.Core.Orders;

/// <summary>One UTC day of the store dashboard's sales chart: why a day exists even when nothing sold (the chart has no gaps).</summary>
/// <param name="Day">The UTC date.</param>
/// <param name="PaidStars">Stars of the orders paid that day.</param>
/// <param name="Orders">Orders paid that day.</param>
/// <param name="RefundedStars">Stars of the orders refunded that day.</param>
/// <param name="Refunds">Orders refunded that day.</param>
public sealed record DashboardDay(DateOnly Day, long PaidStars, int Orders, long RefundedStars, int Refunds);
