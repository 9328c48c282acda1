using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Data;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The expiry half of the sweep for one tenant: every membership whose access end has passed and is not yet Expired
/// goes to <see cref="ISubscriptionSweepActions.ExpireAsync"/> (reason <c>canceled</c> or <c>not_renewed</c>), in
/// bounded batches walked by id so a row that stays due (a failure) cannot loop. Expiry itself is conditional and
/// idempotent, so two sweeps at once change each row once.
/// </summary>
public sealed class DueExpiries(PlatformDbContext db, ISubscriptionSweepActions actions, ILogger<DueExpiries> logger)
{
    public const int BatchSize = 500;

    public async Task<SweepCounts> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counts = SweepCounts.None;
        var after = Guid.Empty;
        while (true)
        {
            var batch = await db.Subscriptions.AsNoTracking()
                .Where(s => s.Status != SubscriptionStatus.Expired && s.AccessEndsAt <= now && s.Id.CompareTo(after) > 0)
                .OrderBy(s => s.Id).Select(s => new { s.Id, s.Status }).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var due in batch)
            {
                var reason = due.Status == SubscriptionStatus.Canceled ? "canceled" : "not_renewed";
                try
                {
                    counts += await actions.ExpireAsync(due.Id, reason, cancellationToken) ? SweepCounts.None with { Expired = 1 } : SweepCounts.None;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Expiring membership {SubscriptionId} failed; the next sweep tries again", due.Id);
                    counts += SweepCounts.None with { Failed = 1 };
                }
            }

            if (batch.Count < BatchSize)
            {
                return counts;
            }

            after = batch[^1].Id;
        }
    }
}
