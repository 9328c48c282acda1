namespace Platform.Core.Administration;

/// <summary>
/// A period's sales from <see cref="DailyStoreFigures"/>: the platform's totals per day and the top stores, as
/// <see cref="PlatformSalesCache"/> keeps them for one rollup pass (<see cref="RollupAt"/>).
/// </summary>
internal sealed record PlatformSales(
    IReadOnlyDictionary<DateOnly, PlatformFiguresDay> Days, IReadOnlyList<PlatformFiguresStore> TopStores, DateTimeOffset? RollupAt,
    DateTimeOffset ReadAt);
