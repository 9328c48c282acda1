namespace Platform.Core.Orders;

/// <summary>What the store dashboard shows, read at one instant (<see cref="ReadAt"/>) so its periods and chart agree.</summary>
public sealed record StoreDashboard(
    DateTimeOffset ReadAt,
    DashboardPeriod Today,
    DashboardPeriod Week,
    DashboardPeriod Month,
    IReadOnlyList<DashboardDay> Days,
    IReadOnlyList<DashboardOrder> RecentOrders,
    IReadOnlyList<DashboardTopProduct> TopProducts,
    SetupChecklist Checklist);
