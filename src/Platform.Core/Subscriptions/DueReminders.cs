using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The reminder half of the sweep for one tenant. Each due row is claimed with one conditional UPDATE (RemindAt
/// cleared, RemindedForPeriodEnd set to the period end, only if still due and not yet reminded for that period) and
/// only the claimer sends: two sweeps at once, or one run twice, send one reminder per period. A failed send other
/// than "blocked" gives the claim back, so the next sweep tries again.
/// </summary>
public sealed class DueReminders(PlatformDbContext db, ISubscriptionSweepActions actions, ILogger<DueReminders> logger)
{
    public const int BatchSize = 500;

    public async Task<SweepCounts> RunAsync(TenantInfo tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A cancelled, expired or complimentary row owes no reminder (a writer that left RemindAt set gets it cleared),
        // nor does a period that already ended (the sweep was down, or the row was written late): "renews on" a past date helps nobody.
        await db.Subscriptions.Where(s => s.RemindAt != null && s.RemindAt <= now
                && (s.Status != SubscriptionStatus.Active || s.Source != SubscriptionSource.Stars || s.PeriodEnd <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RemindAt, (DateTimeOffset?)null), cancellationToken);
        var counts = SweepCounts.None;
        var after = Guid.Empty;
        while (true)
        {
            var batch = await DueAsync(now, after, cancellationToken);
            foreach (var due in batch)
            {
                counts += await RemindAsync(tenant, due.Reminder, due.RemindAt, due.RemindedBefore, now, cancellationToken);
            }

            if (batch.Count < BatchSize)
            {
                return counts;
            }

            after = batch[^1].Reminder.SubscriptionId;
        }
    }

    private async Task<List<(DueReminder Reminder, DateTimeOffset? RemindAt, DateTimeOffset? RemindedBefore)>> DueAsync(
        DateTimeOffset now, Guid after, CancellationToken cancellationToken)
    {
        var rows = await (
            from s in db.Subscriptions.AsNoTracking()
            where s.RemindAt != null && s.RemindAt <= now && s.Status == SubscriptionStatus.Active && s.Source == SubscriptionSource.Stars
                && s.PeriodEnd > now && s.Id.CompareTo(after) > 0
            // Plain joins by key (not subqueries EF would turn into a window over the tenant's whole customer list).
            join p in db.Products on s.PlanId equals p.Id
            join c in db.Customers on s.CustomerId equals c.Id
            orderby s.Id
            select new { s.Id, s.BotId, s.TelegramUserId, s.PeriodEnd, s.PriceStars, s.RemindAt, s.RemindedForPeriodEnd, p.Title, c.FirstName, c.LanguageCode })
            .Take(BatchSize).ToListAsync(cancellationToken);
        return rows.Select(r => (new DueReminder(r.Id, r.BotId, r.TelegramUserId, r.Title, r.PeriodEnd, r.PriceStars, r.FirstName, r.LanguageCode),
            r.RemindAt, r.RemindedForPeriodEnd)).ToList();
    }

    private async Task<SweepCounts> RemindAsync(TenantInfo tenant, DueReminder due, DateTimeOffset? remindAt, DateTimeOffset? remindedBefore,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = await db.Subscriptions
            .Where(s => s.Id == due.SubscriptionId && s.RemindAt != null && s.RemindAt <= now && s.Status == SubscriptionStatus.Active
                && s.PeriodEnd == due.PeriodEnd && (s.RemindedForPeriodEnd == null || s.RemindedForPeriodEnd != s.PeriodEnd))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RemindedForPeriodEnd, x => x.PeriodEnd).SetProperty(x => x.RemindAt, (DateTimeOffset?)null),
                cancellationToken);
        if (claimed == 0)
        {
            return SweepCounts.None; // another sweep has it, or a renewal moved the period
        }

        try
        {
            return await actions.SendReminderAsync(tenant, due, cancellationToken) == ReminderOutcome.Sent
                ? SweepCounts.None with { Reminded = 1 }
                : SweepCounts.None with { Unreachable = 1 };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Renewal reminder for membership {SubscriptionId} failed; released for the next sweep", due.SubscriptionId);
            await db.Subscriptions.Where(s => s.Id == due.SubscriptionId && s.RemindAt == null && s.RemindedForPeriodEnd == due.PeriodEnd)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RemindAt, remindAt).SetProperty(x => x.RemindedForPeriodEnd, remindedBefore),
                    CancellationToken.None);
            return SweepCounts.None with { Failed = 1 };
        }
    }
}
