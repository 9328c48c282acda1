using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Subscriptions;
using Platform.Core.Tenancy;

namespace Platform.Tests.Subscriptions;

/// <summary>
/// Real reminders (through <see cref="SubscriptionSweepActions"/>, so the sandbox chat shows them); expiry as one
/// conditional UPDATE — the same "changes once" contract SubscriptionLifecycle.ExpireAsync keeps — logged when it changed.
/// </summary>
public sealed class RecordingSweepActions(SubscriptionSweepActions real, PlatformDbContext db, ExpiryLog log, TimeProvider time)
    : ISubscriptionSweepActions
{
    public Task<ReminderOutcome> SendReminderAsync(TenantInfo tenant, DueReminder reminder, CancellationToken cancellationToken) =>
        real.SendReminderAsync(tenant, reminder, cancellationToken);

    public async Task<bool> ExpireAsync(Guid subscriptionId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var changed = await db.Subscriptions
            .Where(s => s.Id == subscriptionId && s.Status != SubscriptionStatus.Expired && s.AccessEndsAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriptionStatus.Expired).SetProperty(x => x.ExpiredAt, now), cancellationToken);
        if (changed > 0)
        {
            log.Entries.Enqueue((subscriptionId, reason));
        }

        return changed > 0;
    }
}
