using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Orders;
using Platform.Core.Outbound;
using Platform.Core.Outbox;

namespace Platform.Core.Subscriptions;

/// <summary>
/// A plan's charge delivers access, not goods: the member is told (once per charge, a <see cref="Delivery"/> claim),
/// access is granted when this charge starts or restarts the membership (a renewal keeps what was granted), and the
/// order is Fulfilled with order.fulfilled only after the grant succeeded, so the sweep's fulfilment backstop retries a
/// grant that failed (Telegram down) without repeating the confirmation.
/// </summary>
public sealed class SubscriptionFulfilment(PlatformDbContext db, ChannelAccess access, TimeProvider time, ILogger<SubscriptionFulfilment> logger)
    : IPlanFulfilment
{
    public async Task FulfilAsync(BotChat chat, Order order, int sequence, CancellationToken cancellationToken)
    {
        var subscription = order.SubscriptionId is { } id
            ? await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : null;
        if (subscription is null)
        {
            logger.LogError("Plan order {OrderId} belongs to no membership; nothing to deliver", order.Id);
            return;
        }

        if (sequence > 0)
        {
            // "Get again" from /orders: what the plan grants, sent again while the membership lasts.
            await GrantAsync(subscription, "customer", "resent", cancellationToken);
            return;
        }

        var starts = await StartsAccessAsync(subscription, order, cancellationToken);
        if (await ClaimConfirmationAsync(order.Id, cancellationToken))
        {
            await chat.SendTextAsync(starts
                ? chat.Texts.MembershipStarted(order.ProductTitle, subscription.PeriodEnd)
                : chat.Texts.MembershipRenewed(order.ProductTitle, subscription.PeriodEnd), null, cancellationToken);
        }

        if (order.Status != OrderStatus.Paid || (starts && !await GrantAsync(subscription, "system", "paid", cancellationToken)))
        {
            return; // fulfilled before, or the grant failed: the order stays Paid and the sweep's backstop tries again
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Orders.Where(o => o.Id == order.Id && o.Status == OrderStatus.Paid)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Fulfilled).SetProperty(o => o.FulfilledAt, now), cancellationToken);
        if (changed == 1)
        {
            db.AddOutboxEvent(new OrderFulfilled(order.Id, order.ProductId, now), now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Whether this charge (re)starts access: it is the membership's first charge paid since its last expiry (a first
    /// payment, or a payment after it had expired). A renewal of a running membership keeps what was granted.
    /// </summary>
    private async Task<bool> StartsAccessAsync(Subscription subscription, Order order, CancellationToken cancellationToken)
    {
        if (subscription.Status == SubscriptionStatus.Expired)
        {
            return false; // refunded or lapsed since: nothing to grant
        }

        var since = subscription.ExpiredAt ?? DateTimeOffset.MinValue;
        return !await db.Orders.AnyAsync(o => o.SubscriptionId == subscription.Id && o.Id != order.Id && o.PaidAt != null && o.PaidAt > since
            && (o.PaidAt < order.PaidAt || (o.PaidAt == order.PaidAt && o.CreatedAt < order.CreatedAt)), cancellationToken);
    }

    /// <summary>True for the one call that claims the confirmation message of this charge.</summary>
    private async Task<bool> ClaimConfirmationAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Deliveries" ("Id", "TenantId", "OrderId", "Kind", "Sequence", "CreatedAt", "SentAt")
            VALUES ({Guid.CreateVersion7(now)}, {db.CurrentTenantId!.Value}, {orderId}, {nameof(DeliveryKind.Text)}, 0, {now}, {now})
            ON CONFLICT ("TenantId", "OrderId", "Kind", "Sequence") DO NOTHING
            """, cancellationToken);
        return claimed == 1;
    }

    private async Task<bool> GrantAsync(Subscription subscription, string actor, string reason, CancellationToken cancellationToken)
    {
        if (subscription.Status == SubscriptionStatus.Expired)
        {
            return false;
        }

        try
        {
            await access.GrantAsync(subscription.Id, actor, reason, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Granting membership {SubscriptionId} failed; the fulfilment backstop will try again", subscription.Id);
            return false;
        }
    }
}
