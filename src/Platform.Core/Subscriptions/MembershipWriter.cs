using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Catalog;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Outbox;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The database half of <see cref="SubscriptionLifecycle"/>: one transaction per change, the membership row locked
/// (FOR UPDATE) and its status checked again under the lock, then the new status, the store's schedule
/// (<see cref="MembershipSchedule"/>), the access-log line and the event — all or nothing, and once however many
/// callers race (the second one finds the status changed and changes nothing).
/// </summary>
public sealed class MembershipWriter(PlatformDbContext db, TimeProvider time)
{
    /// <summary>The changed membership; a Conflict when <paramref name="allowed"/> says no under the lock (nothing changed).</summary>
    public async Task<Result<Subscription>> ChangeAsync(Guid subscriptionId, Func<Subscription, bool> allowed,
        Func<Subscription, DateTimeOffset, MembershipChange> change, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var subscription = await db.Subscriptions.FromSqlInterpolated($"""SELECT * FROM "Subscriptions" WHERE "Id" = {subscriptionId} FOR UPDATE""")
            .FirstOrDefaultAsync(cancellationToken);
        if (subscription is null)
        {
            return Failure.NotFound("This membership does not exist.");
        }

        if (!allowed(subscription))
        {
            return Failure.Conflict("This membership changed meanwhile; nothing was done.");
        }

        var done = change(subscription, now);
        subscription.UpdatedAt = now;
        MembershipSchedule.Apply(subscription, await db.StoreSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken));
        done.Emit?.Invoke(subscription);
        await LogAsync(subscription, done, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return subscription;
    }

    /// <summary>A complimentary membership: a new row (subscription.started), or an ended one made active again (reactivated, restored).</summary>
    public async Task<Result<Subscription>> StartComplimentaryAsync(Guid planId, Guid customerId, DateTimeOffset until, string actor,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (until <= now)
        {
            return Failure.Invalid("until", "A complimentary membership must last until a date in the future.");
        }

        if (!await db.Products.AnyAsync(p => p.Id == planId && p.Kind == ProductKind.Subscription, cancellationToken))
        {
            return Failure.NotFound("This plan does not exist.");
        }

        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        // The bot the customer last bought through, else the store's first working bot: the one that will talk to them.
        var botId = await db.Orders.Where(o => o.CustomerId == customerId).OrderByDescending(o => o.CreatedAt).Select(o => (Guid?)o.BotId)
            .FirstOrDefaultAsync(cancellationToken)
            ?? await db.Bots.Where(b => b.Status == Bots.BotStatus.Active).OrderBy(b => b.CreatedAt).Select(b => (Guid?)b.Id)
                .FirstOrDefaultAsync(cancellationToken);
        if (customer is null || botId is null)
        {
            return Failure.NotFound(customer is null ? "This customer does not exist in the store." : "The store has no bot to reach the member.");
        }

        var existing = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.PlanId == planId && s.CustomerId == customerId, cancellationToken);
        if (existing is not null)
        {
            return existing.Status != SubscriptionStatus.Expired
                ? Failure.Conflict($"This customer is a member already, until {existing.PeriodEnd:yyyy-MM-dd}.")
                : await ChangeAsync(existing.Id, s => s.Status == SubscriptionStatus.Expired, (s, at) =>
                {
                    Complimentary(s, until);
                    return new MembershipChange("granted", actor, "complimentary", s2 => db.AddOutboxEvent(new SubscriptionReactivated(s2.Id, s2.PlanId,
                        s2.CustomerId, "restored", null, s2.PeriodEnd, at), at));
                }, cancellationToken);
        }

        var subscription = new Subscription
        {
            Id = Guid.CreateVersion7(now),
            PlanId = planId,
            CustomerId = customerId,
            BotId = botId.Value,
            TelegramUserId = customer.TelegramUserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Complimentary(subscription, until);
        MembershipSchedule.Apply(subscription, await db.StoreSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken));
        db.Subscriptions.Add(subscription);
        db.AddOutboxEvent(new SubscriptionStarted(subscription.Id, planId, customerId, "complimentary", null, 0, null, until, now), now);
        await LogAsync(subscription, new MembershipChange("granted", actor, "complimentary", null), now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("This customer became a member meanwhile.");
        }

        return subscription;
    }

    private static void Complimentary(Subscription subscription, DateTimeOffset until)
    {
        subscription.Status = SubscriptionStatus.Active;
        subscription.Source = SubscriptionSource.Complimentary;
        subscription.PriceStars = 0;
        subscription.TelegramChargeId = null;
        subscription.PeriodEnd = until;
        subscription.CanceledAt = null;
        subscription.CanceledBy = null;
    }

    private async Task LogAsync(Subscription subscription, MembershipChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = await db.Products.Where(p => p.Id == subscription.PlanId).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken) ?? "plan";
        db.AccessLog.Add(new AccessLogEntry
        {
            Id = Guid.CreateVersion7(now),
            SubscriptionId = subscription.Id,
            TelegramUserId = subscription.TelegramUserId,
            Action = change.Action,
            Target = plan,
            Actor = change.Actor,
            Reason = change.Reason,
            At = now,
        });
    }
}
