using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Core.Ledger;

/// <summary>
/// The recurring reconciliation (<see cref="LedgerOptions.ReconciliationSchedule"/>): reads every live bot across tenants
/// and enqueues one job per (tenant, bot), so one slow or failing bot holds up no other and Hangfire's workers share the
/// work. Removed bots and bots whose token was revoked are left out. The per-bot job is a <see cref="StarReconciler"/>
/// pass in the tenant's scope: safe to run twice, so a retried or doubled fan-out costs calls, not money.
/// </summary>
public sealed class ReconciliationSweep(TenantJobScope jobScope, CrossTenantReaderFactory readers, IBackgroundJobClient jobs)
{
    public const string RecurringJobId = "ledger:reconciliation";

    /// <summary>Enqueues a pass per live bot; returns how many.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> FanOutAsync(CancellationToken cancellationToken)
    {
        await using var reader = readers.CreateReader();
        var bots = await reader.Bots.Where(b => b.Status != BotStatus.Broken).Select(b => new { b.TenantId, b.Id }).ToListAsync(cancellationToken);
        foreach (var bot in bots)
        {
            var (tenantId, botId) = (bot.TenantId, bot.Id);
            jobs.Enqueue<ReconciliationSweep>(j => j.ReconcileAsync(tenantId, botId, CancellationToken.None));
        }

        return bots.Count;
    }

    /// <summary>
    /// One bot's pass (ids only, as Hangfire stores them); a store deleted meanwhile ends it quietly. A pass that wrote
    /// ledger rows (a withdrawal, its return, other income) checks the withdrawable minimum at once, so a returned
    /// withdrawal is told without waiting for the check's next round.
    /// </summary>
    [AutomaticRetry(Attempts = 1)]
    public Task<ReconciliationResult> ReconcileAsync(Guid tenantId, Guid botId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, whenGone: ReconciliationResult.Of(ReconciliationStatus.Skipped), async (_, services) =>
        {
            var result = await services.GetRequiredService<StarReconciler>().RunAsync(botId, cancellationToken);
            if (result.LedgerRows > 0)
            {
                await services.GetRequiredService<WithdrawableCheck>().CheckBotAsync(botId, cancellationToken);
            }

            return result;
        }, cancellationToken);
}
