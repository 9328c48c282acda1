using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Outbox;

namespace Platform.Core.Subscriptions;

/// <summary>
/// Every change of a membership's status after it started: cancel, resume, expire, restore, complimentary grants.
/// Each change writes its event in the same transaction and is safe to run twice. Scoped to one tenant.
/// Telegram is asked first (editUserStarSubscription, outside any transaction); the row is then changed under its row
/// lock only if its status still allows it, so two concurrent calls (the sweep on two workers, a double tap) change it once.
/// </summary>
public sealed class SubscriptionLifecycle(
    PlatformDbContext db, StarSubscriptionCalls telegram, ChannelAccess access, MembershipWriter writer, IBackgroundJobClient jobs, TimeProvider time,
    ILogger<SubscriptionLifecycle> logger)
{
    /// <summary>Cancels renewal (editUserStarSubscription is_canceled=true for Stars memberships); access lasts to the period end.</summary>
    public async Task<Result<Subscription>> CancelAsync(Guid subscriptionId, string actor, CancellationToken cancellationToken)
    {
        var found = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (found is null)
        {
            return Failure.NotFound("This membership does not exist.");
        }

        if (found.Status != SubscriptionStatus.Active)
        {
            return found.Status == SubscriptionStatus.Canceled ? found : Failure.Conflict("This membership has ended already.");
        }

        if (await telegram.SetCanceledAsync(found, canceled: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await writer.ChangeAsync(subscriptionId, s => s.Status == SubscriptionStatus.Active, (s, now) =>
        {
            s.Status = SubscriptionStatus.Canceled;
            s.CanceledAt = now;
            s.CanceledBy = actor.StartsWith("merchant", StringComparison.Ordinal) ? "merchant" : actor[..Math.Min(actor.Length, 16)];
            return new MembershipChange("canceled", actor, "canceled", s2 => db.AddOutboxEvent(new SubscriptionCanceled(s2.Id, s2.PlanId, s2.CustomerId,
                s2.CanceledBy!, s2.AccessEndsAt, now), now));
        }, cancellationToken);
    }

    /// <summary>Re-enables renewal before the period end (editUserStarSubscription is_canceled=false).</summary>
    public async Task<Result<Subscription>> ResumeAsync(Guid subscriptionId, string actor, CancellationToken cancellationToken)
    {
        var found = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (found is null)
        {
            return Failure.NotFound("This membership does not exist.");
        }

        if (found.Status == SubscriptionStatus.Active)
        {
            return found;
        }

        if (found.Status == SubscriptionStatus.Expired || found.PeriodEnd <= time.GetUtcNow())
        {
            return Failure.Conflict("The paid period has ended, so this membership cannot be resumed; the member must subscribe again.");
        }

        if (await telegram.SetCanceledAsync(found, canceled: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        return await writer.ChangeAsync(subscriptionId, s => s.Status == SubscriptionStatus.Canceled && s.PeriodEnd > time.GetUtcNow(), (s, now) =>
        {
            s.Status = SubscriptionStatus.Active;
            s.CanceledAt = null;
            s.CanceledBy = null;
            return new MembershipChange("resumed", actor, "resumed", s2 => db.AddOutboxEvent(new SubscriptionReactivated(s2.Id, s2.PlanId, s2.CustomerId,
                "resumed", null, s2.PeriodEnd, now), now));
        }, cancellationToken);
    }

    /// <summary>Ends access now if still due (or unconditionally for a refund) and revokes what was granted. False when nothing changed.</summary>
    public async Task<bool> ExpireAsync(Guid subscriptionId, string reason, CancellationToken cancellationToken)
    {
        var refunded = reason == "refunded";
        var changed = await writer.ChangeAsync(subscriptionId,
            s => s.Status != SubscriptionStatus.Expired && (refunded || s.AccessEndsAt <= time.GetUtcNow()), (s, now) =>
            {
                s.Status = SubscriptionStatus.Expired;
                s.ExpiredAt = now;
                return new MembershipChange("expired", "system", reason, s2 => db.AddOutboxEvent(
                    new SubscriptionExpired(s2.Id, s2.PlanId, s2.CustomerId, reason, s2.PeriodEnd, now), now));
            }, cancellationToken);
        if (!changed.Succeeded)
        {
            return false;
        }

        if (refunded)
        {
            // The money went back: Telegram must not charge the next period either (best effort; a lapsed one needs nothing).
            await telegram.SetCanceledAsync(changed.Value, canceled: true, cancellationToken);
        }

        await RevokeAsync(changed.Value, reason, cancellationToken);
        return true;
    }

    /// <summary>Merchant's "restore access" after a mistake: active again until at least the given date, access granted again.</summary>
    public async Task<Result<Subscription>> RestoreAsync(Guid subscriptionId, DateTimeOffset until, string actor, CancellationToken cancellationToken)
    {
        if (until <= time.GetUtcNow())
        {
            return Failure.Invalid("until", "Restore access until a date in the future.");
        }

        var restored = await writer.ChangeAsync(subscriptionId, _ => true, (s, now) =>
        {
            var wasExpired = s.Status == SubscriptionStatus.Expired;
            s.PeriodEnd = s.PeriodEnd > until ? s.PeriodEnd : until;
            if (wasExpired)
            {
                s.Status = SubscriptionStatus.Active;
            }

            return new MembershipChange("restored", actor, "restored", wasExpired
                ? s2 => db.AddOutboxEvent(new SubscriptionReactivated(s2.Id, s2.PlanId, s2.CustomerId, "restored", null, s2.PeriodEnd, now), now)
                : null);
        }, cancellationToken);
        return restored.Succeeded ? await GrantAsync(restored.Value, actor, "restored", cancellationToken) : restored;
    }

    /// <summary>A complimentary membership (no payment) for a customer of the store, until a date.</summary>
    public async Task<Result<Subscription>> GrantComplimentaryAsync(Guid planId, Guid customerId, DateTimeOffset until, string actor,
        CancellationToken cancellationToken)
    {
        var granted = await writer.StartComplimentaryAsync(planId, customerId, until, actor, cancellationToken);
        return granted.Succeeded ? await GrantAsync(granted.Value, actor, "complimentary", cancellationToken) : granted;
    }

    private async Task<Result<Subscription>> GrantAsync(Subscription subscription, string actor, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await access.GrantAsync(subscription.Id, actor, reason, cancellationToken);
            return subscription;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Membership {SubscriptionId} is active but granting its access failed", subscription.Id);
            return Failure.Unavailable("The membership is active, but its invite could not be sent now. Try restoring access again in a minute.");
        }
    }

    private async Task RevokeAsync(Subscription subscription, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await access.RevokeAsync(subscription.Id, "system", reason, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Membership {SubscriptionId} expired but revoking its access failed; a job retries", subscription.Id);
            var tenantId = subscription.TenantId;
            var id = subscription.Id;
            jobs.Enqueue<SubscriptionAccessJob>(j => j.RevokeAsync(tenantId, id, reason, CancellationToken.None));
        }
    }
}
