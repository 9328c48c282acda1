namespace Platform.Web.Pages.Stores;

/// <summary>
/// One day's bar of a <see cref="BalanceChart"/>: the part above the zero line (<see cref="UpHeight"/>, from
/// <see cref="UpY"/>) and the part below it (<see cref="DownHeight"/>), in viewBox units.
/// </summary>
public sealed record BalanceChartBar(DateOnly Day, decimal Up, decimal Down, double X, double Width, double UpY, double UpHeight, double DownHeight);
