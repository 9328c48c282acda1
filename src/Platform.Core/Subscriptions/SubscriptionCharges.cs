using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Ledger;
using Platform.Core.Orders;
using Platform.Core.Outbox;
using Platform.Core.Telemetry;
using Telegram.Bot.Types.Payments;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The one place the payment path learns "this charge belongs to a subscription": every recurring successful_payment
/// (Telegram marks first payments recurring too) comes here from <c>Payments.PaymentRecorder</c>. Each charge is an
/// order (the first payment pays the pending plan order; every renewal is a new paid order) with order.paid, and the
/// membership changes with its own event, all in one transaction. Idempotent on telegram_payment_charge_id: a charge
/// already recorded changes nothing, however often or concurrently Telegram repeats it.
/// </summary>
public sealed class SubscriptionCharges(
    PlatformDbContext db, LedgerEntries ledger, IBackgroundJobClient jobs, TimeProvider time, ILogger<SubscriptionCharges> logger)
{
    /// <summary>The order that records this charge (new or recorded before), or null when the payload names no plan order of ours.</summary>
    public async Task<Guid?> RecordAsync(Guid payloadOrderId, SuccessfulPayment payment, CancellationToken cancellationToken)
    {
        try
        {
            return await RecordOnceAsync(payloadOrderId, payment, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent charge created the customer's membership of this plan first (two invoices paid at once):
            // once more, this charge now finds that row and extends it. A repeated charge finds itself recorded.
            db.ChangeTracker.Clear();
            logger.LogInformation("Charge {ChargeId} met a concurrent write; recording it again", payment.TelegramPaymentChargeId);
            return await RecordOnceAsync(payloadOrderId, payment, cancellationToken);
        }
    }

    private async Task<Guid?> RecordOnceAsync(Guid payloadOrderId, SuccessfulPayment payment, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The payload order's row lock serialises every charge of one Telegram subscription (they all carry its id).
        var order = await db.Orders.FromSqlInterpolated($"""SELECT * FROM "Orders" WHERE "Id" = {payloadOrderId} FOR UPDATE""")
            .FirstOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            logger.LogWarning("Recurring payment for unknown order {OrderId}", payloadOrderId);
            return null;
        }

        if (await ChargeOrderIdAsync(payment.TelegramPaymentChargeId, cancellationToken) is { } recorded)
        {
            return recorded; // this charge was recorded before: nothing changes
        }

        var plan = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == order.ProductId, cancellationToken);
        if (plan?.Kind != ProductKind.Subscription)
        {
            logger.LogError("Recurring payment {ChargeId} names order {OrderId}, which is not a plan's order", payment.TelegramPaymentChargeId, order.Id);
            return null;
        }

        var periodEnd = payment.SubscriptionExpirationDate is { } expires
            ? new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc))
            : now + MembershipSchedule.Period;
        var subscription = await LockMembershipAsync(order, cancellationToken);
        var settings = await db.StoreSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        Order charge;
        if (order.TelegramPaymentChargeId is null)
        {
            // The first payment of a Telegram subscription: it pays the pending plan order.
            charge = order;
            charge.Status = OrderStatus.Paid;
            charge.TelegramPaymentChargeId = payment.TelegramPaymentChargeId;
            charge.PaidAt = now;
        }
        else
        {
            // A renewal: a new order of its own, so every charge in is one record out.
            charge = NewRenewalOrder(order, payment, now);
            db.Orders.Add(charge);
        }

        ChargeChange change;
        string? replaced = null;
        if (subscription is null)
        {
            subscription = Start(charge, payment, periodEnd, now);
            db.Subscriptions.Add(subscription);
            change = ChargeChange.Started;
        }
        else
        {
            // A second Telegram subscription for a membership that still has one (two invoice links opened, both paid):
            // the new one takes over and the old one is cancelled after the commit, so the member is not charged twice a month.
            replaced = ReferenceEquals(charge, order) && subscription.Status != SubscriptionStatus.Expired && subscription.Source == SubscriptionSource.Stars
                && subscription.TelegramChargeId is { } old && old != payment.TelegramPaymentChargeId ? old : null;
            change = Apply(subscription, payment, periodEnd, newTelegramSubscription: ReferenceEquals(charge, order));
        }

        charge.SubscriptionId = subscription.Id;
        subscription.UpdatedAt = now;
        db.StarLedger.Add(ledger.SaleCredit(charge.BotId, payment.TelegramPaymentChargeId, payment.TotalAmount, charge.Id,
            renewal: !ReferenceEquals(charge, order), now));
        MembershipSchedule.Apply(subscription, settings);
        db.AddOutboxEvent(new OrderPaid(charge.Id, charge.ProductId, charge.CustomerId, charge.BotId, charge.PriceStars,
            payment.TelegramPaymentChargeId, now), now);
        AddEvent(change, subscription, charge, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        BusinessMetrics.OrderPaid(ReferenceEquals(charge, order) ? MetricLabels.Subscription : MetricLabels.Renewal, payment.TotalAmount);
        logger.LogInformation("Charge {ChargeId} recorded as order {OrderId}: membership {SubscriptionId} {Change} until {PeriodEnd}",
            payment.TelegramPaymentChargeId, charge.Id, subscription.Id, change, subscription.PeriodEnd);
        if (replaced is not null)
        {
            var (tenantId, subscriptionId) = (subscription.TenantId, subscription.Id);
            logger.LogWarning("Membership {SubscriptionId} was paid through a second Telegram subscription; cancelling the first", subscriptionId);
            jobs.Enqueue<SubscriptionAccessJob>(j => j.CancelReplacedAsync(tenantId, subscriptionId, replaced, CancellationToken.None));
        }

        return charge.Id;
    }

    private Task<Guid?> ChargeOrderIdAsync(string chargeId, CancellationToken cancellationToken) =>
        db.Orders.Where(o => o.TelegramPaymentChargeId == chargeId).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The customer's membership of the plan, row-locked (null when they never had one).</summary>
    private Task<Subscription?> LockMembershipAsync(Order order, CancellationToken cancellationToken) =>
        db.Subscriptions.FromSqlInterpolated($"""
            SELECT * FROM "Subscriptions" WHERE "PlanId" = {order.ProductId} AND "CustomerId" = {order.CustomerId} FOR UPDATE
            """).FirstOrDefaultAsync(cancellationToken);

    private static Order NewRenewalOrder(Order first, SuccessfulPayment payment, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        BotId = first.BotId,
        CustomerId = first.CustomerId,
        ProductId = first.ProductId,
        PriceStars = (int)payment.TotalAmount,
        ProductTitle = first.ProductTitle,
        Status = OrderStatus.Paid,
        ChatId = first.ChatId,
        TelegramPaymentChargeId = payment.TelegramPaymentChargeId,
        CreatedAt = now,
        PaidAt = now,
    };

    private static Subscription Start(Order charge, SuccessfulPayment payment, DateTimeOffset periodEnd, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PlanId = charge.ProductId,
        CustomerId = charge.CustomerId,
        BotId = charge.BotId,
        TelegramUserId = charge.ChatId,
        Status = SubscriptionStatus.Active,
        Source = SubscriptionSource.Stars,
        PriceStars = (int)payment.TotalAmount,
        TelegramChargeId = payment.TelegramPaymentChargeId,
        PeriodEnd = periodEnd,
        CreatedAt = now,
    };

    /// <summary>What this charge does to an existing membership; <paramref name="newTelegramSubscription"/> when it is a first payment.</summary>
    private static ChargeChange Apply(Subscription subscription, SuccessfulPayment payment, DateTimeOffset periodEnd, bool newTelegramSubscription)
    {
        var was = subscription.Status;
        subscription.PriceStars = (int)payment.TotalAmount;
        subscription.PeriodEnd = was == SubscriptionStatus.Expired ? periodEnd : Max(subscription.PeriodEnd, periodEnd);
        subscription.Status = SubscriptionStatus.Active;
        subscription.Source = SubscriptionSource.Stars;
        subscription.CanceledAt = null;
        subscription.CanceledBy = null;
        if (newTelegramSubscription)
        {
            subscription.TelegramChargeId = payment.TelegramPaymentChargeId; // cancel and resume name this charge from now on
        }

        return was switch
        {
            SubscriptionStatus.Expired => ChargeChange.Reactivated,
            SubscriptionStatus.Canceled => ChargeChange.Resumed,
            _ => ChargeChange.Renewed,
        };
    }

    private void AddEvent(ChargeChange change, Subscription s, Order charge, DateTimeOffset now)
    {
        var chargeId = charge.TelegramPaymentChargeId!;
        _ = change switch
        {
            ChargeChange.Started => db.AddOutboxEvent(new SubscriptionStarted(s.Id, s.PlanId, s.CustomerId, "stars", charge.Id, charge.PriceStars, chargeId,
                s.PeriodEnd, now), now),
            ChargeChange.Renewed => db.AddOutboxEvent(new SubscriptionRenewed(s.Id, s.PlanId, s.CustomerId, charge.Id, charge.PriceStars, chargeId,
                s.PeriodEnd, now), now),
            ChargeChange.Reactivated => db.AddOutboxEvent(new SubscriptionReactivated(s.Id, s.PlanId, s.CustomerId, "late_payment", charge.Id, s.PeriodEnd,
                now), now),
            _ => db.AddOutboxEvent(new SubscriptionReactivated(s.Id, s.PlanId, s.CustomerId, "resumed", charge.Id, s.PeriodEnd, now), now),
        };
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private enum ChargeChange
    {
        Started,
        Renewed,
        Reactivated,
        Resumed,
    }
}
