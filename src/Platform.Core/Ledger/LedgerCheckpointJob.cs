using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Core.Ledger;

/// <summary>
/// The daily fan-out of <see cref="LedgerCheckpoints"/>: the stores with at least
/// <see cref="LedgerOptions.CheckpointMinRows"/> ledger rows (one grouped count across tenants) each get one job that
/// rebuilds their checkpoints. Small stores are summed from their rows on every read and need none.
/// </summary>
public sealed class LedgerCheckpointJob(TenantJobScope jobScope, CrossTenantReaderFactory readers, IBackgroundJobClient jobs,
    IOptions<LedgerOptions> options)
{
    public const string RecurringJobId = "ledger:checkpoints";
    public const string Schedule = "40 3 * * *";

    [AutomaticRetry(Attempts = 0)]
    public async Task<int> FanOutAsync(CancellationToken cancellationToken)
    {
        await using var reader = readers.CreateReader();
        var minimum = options.Value.CheckpointMinRows;
        var tenants = await reader.StarLedger.GroupBy(e => e.TenantId).Where(g => g.LongCount() >= minimum).Select(g => g.Key)
            .ToListAsync(cancellationToken);
        foreach (var tenantId in tenants)
        {
            jobs.Enqueue<LedgerCheckpointJob>(j => j.RebuildAsync(tenantId, CancellationToken.None));
        }

        return tenants.Count;
    }

    [AutomaticRetry(Attempts = 2)]
    public Task<int> RebuildAsync(Guid tenantId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, whenGone: 0, (_, services) => services.GetRequiredService<LedgerCheckpoints>().RebuildAsync(cancellationToken),
            cancellationToken);
}
