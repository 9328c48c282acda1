using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Subscriptions;
using Platform.Core.Tenancy;

namespace Platform.Bench.Subscriptions;

/// <summary>
/// The sweep's actions without Telegram: a reminder is counted (no message is sent); expiry is the one conditional
/// status UPDATE that SubscriptionLifecycle.ExpireAsync also makes, without its outbox event and revocation calls.
/// So the figures are the sweep's own cost: choosing due rows, claiming reminders, expiring rows.
/// </summary>
internal sealed class BenchSweepActions(PlatformDbContext db, SweepTally tally, TimeProvider time) : ISubscriptionSweepActions
{
    public Task<ReminderOutcome> SendReminderAsync(TenantInfo tenant, DueReminder reminder, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref tally.Reminders);
        return Task.FromResult(ReminderOutcome.Sent);
    }

    public async Task<bool> ExpireAsync(Guid subscriptionId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var changed = await db.Subscriptions
            .Where(s => s.Id == subscriptionId && s.Status != SubscriptionStatus.Expired && s.AccessEndsAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriptionStatus.Expired).SetProperty(x => x.ExpiredAt, now)
                .SetProperty(x => x.UpdatedAt, now), cancellationToken);
        Interlocked.Add(ref tally.Expiries, changed);
        return changed > 0;
    }
}
