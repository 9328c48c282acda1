using Hangfire;

namespace Platform.Core.Administration;

/// <summary>
/// The minute pass that keeps <see cref="DailyStoreFigures"/> current: rebuilds yesterday and today from the ledger for
/// every store at once (no tenant id: one set-based statement, not a fan-out), then stores the dashboard's period sums
/// (<see cref="PlatformSalesCache.PrecomputeAsync"/>). Rebuilding is a replace, so a rerun or
/// an overlap with another pass leaves the same rows; a missed minute is caught up by the next.
/// </summary>
public sealed class DailyStoreFiguresJob(DailyStoreFiguresRollup rollup, PlatformSalesCache sales, TimeProvider clock)
{
    public const string RecurringJobId = "admin:daily-store-figures";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 50)]
    public async Task<int> RebuildRecentAsync(CancellationToken cancellationToken)
    {
        var rows = await rollup.RebuildRecentAsync(cancellationToken);
        // The dashboard's period sums, grouped once here instead of on the first request in every web process.
        await sales.PrecomputeAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        return rows;
    }
}
