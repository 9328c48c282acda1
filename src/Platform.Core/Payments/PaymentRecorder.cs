using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Ledger;
using Platform.Core.Orders;
using Platform.Core.Outbox;
using Platform.Core.Subscriptions;
using Platform.Core.Telemetry;
using Telegram.Bot.Types.Payments;

namespace Platform.Core.Payments;

/// <summary>
/// successful_payment → in ONE transaction: the order paid with its charge id, the key sold, order.paid in the
/// outbox. Idempotent on telegram_payment_charge_id: a second delivery finds the charge recorded and changes nothing.
/// A pending or abandoned order is payable; a charge for an order another charge already paid is a duplicate: recorded
/// once as a <see cref="DuplicateCharge"/> and refunded by <see cref="DuplicateChargeRefundJob"/>, so no buyer pays twice.
/// A recurring payment (a plan's first payment or a renewal) is a subscription's charge: <see cref="SubscriptionCharges"/>
/// records it, and a renewal is a new charge of the same order payload, never a duplicate.
/// </summary>
public sealed class PaymentRecorder(
    PlatformDbContext db, CatalogReader catalog, LicenseKeyPool keys, SubscriptionCharges subscriptions, LedgerEntries ledger, IBackgroundJobClient jobs,
    TimeProvider time, ILogger<PaymentRecorder> logger)
{
    /// <summary>
    /// The paid order's id (new or already recorded), or null when the payment matches no order of ours or is a second
    /// charge for a paid order. <paramref name="buyerTelegramUserId"/> is who paid (the message's sender).
    /// </summary>
    public async Task<Guid?> RecordAsync(SuccessfulPayment payment, long buyerTelegramUserId, CancellationToken cancellationToken)
    {
        if (OrderIds.FromPayload(payment.InvoicePayload) is not { } orderId)
        {
            logger.LogWarning("A payment arrived with a payload that is not an order id");
            return null;
        }

        if (payment.IsRecurring)
        {
            return await subscriptions.RecordAsync(orderId, payment, cancellationToken);
        }

        await using var open = await db.EnsureOpenAsync(cancellationToken);
        var found = await db.Orders.AsNoTracking().Where(o => o.Id == orderId)
            .Select(o => new
            {
                Order = o,
                Kind = db.Products.Where(p => p.Id == o.ProductId).OrderBy(p => p.Id).Select(p => (ProductKind?)p.Kind)
                .FirstOrDefault()
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || found.Order.TelegramPaymentChargeId == payment.TelegramPaymentChargeId || found.Order.Status != OrderStatus.Pending ||
            found.Kind is null or ProductKind.LicenseKey)
        {
            // Unknown, recorded already, not pending (each said by the locked path), or a key sale: the transaction decides.
            return await RecordLockedAsync(orderId, payment, buyerTelegramUserId, cancellationToken);
        }

        // Files and texts: the order paid, its ledger credit and order.paid in one statement, only while the order is still pending.
        var order = found.Order;
        var now = time.GetUtcNow();
        var paid = OutboxExtensions.NewEvent(PaidEvent(order, payment.TelegramPaymentChargeId, now), now);
        var credit = ledger.SaleCredit(order.BotId, payment.TelegramPaymentChargeId, payment.TotalAmount, order.Id, renewal: false, now);
        await using var batch = db.CreateBatch();
        batch.Add($"""
            WITH changed AS (
                UPDATE "Orders" SET "Status" = $1, "TelegramPaymentChargeId" = $2, "PaidAt" = $3
                WHERE "TenantId" = $4 AND "Id" = $5 AND "Status" = $6 RETURNING 1),
            credited AS ({LedgerEntries.InsertWhereSql("changed", 7)} RETURNING 1)
            {OutboxExtensions.InsertWhereSql("changed", 20)}
            """,
            [nameof(OrderStatus.Paid), payment.TelegramPaymentChargeId, now, order.TenantId, order.Id, nameof(OrderStatus.Pending),
                .. LedgerEntries.InsertValues(credit, order.TenantId), .. OutboxExtensions.InsertValues(paid, order.TenantId)]);
        if (await batch.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return await RecordLockedAsync(orderId, payment, buyerTelegramUserId, cancellationToken); // a concurrent copy got there first
        }

        BusinessMetrics.OrderPaid(MetricLabels.Purchase, payment.TotalAmount);
        return order.Id;
    }

    /// <summary>The general path: the order row locked, every case decided inside one transaction (key sales take their key here).</summary>
    private async Task<Guid?> RecordLockedAsync(Guid orderId, SuccessfulPayment payment, long buyerTelegramUserId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Row lock: a duplicate successful_payment processed concurrently waits here, then sees the charge.
        var order = await db.Orders.FromSqlInterpolated($"""SELECT * FROM "Orders" WHERE "Id" = {orderId} FOR UPDATE""").FirstOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            logger.LogWarning("Payment for unknown order {OrderId}", orderId);
            return null;
        }

        if (order.TelegramPaymentChargeId == payment.TelegramPaymentChargeId)
        {
            return order.Id; // already recorded
        }

        if (order.TelegramPaymentChargeId is not null)
        {
            // Paid twice (two invoices of one order): the first charge keeps the order; this one is recorded and refunded.
            var duplicateId = await RecordDuplicateAsync(order, payment, buyerTelegramUserId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogError(
                "Order {OrderId} is {Status} (charge {PaidChargeId}) but charge {ChargeId} of {Stars} Stars by Telegram " +
                    "user {BuyerId} arrived too; refunding it",
                order.Id, order.Status, order.TelegramPaymentChargeId, payment.TelegramPaymentChargeId, payment.TotalAmount, buyerTelegramUserId);
            if (duplicateId is { } id)
            {
                var tenantId = order.TenantId;
                jobs.Enqueue<DuplicateChargeRefundJob>(j => j.RefundAsync(tenantId, id, CancellationToken.None));
            }

            return null;
        }

        order.Status = OrderStatus.Paid;
        order.TelegramPaymentChargeId = payment.TelegramPaymentChargeId;
        order.PaidAt = now;
        // Any state: a product archived after the invoice was paid for is still sold (same context, same transaction).
        var product = await catalog.FindAsync(order.ProductId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {order.Id} names a product that does not exist.");
        if (product.Kind == ProductKind.LicenseKey)
        {
            // Normally the key reserved at pre-checkout; if that hold lapsed and another buyer took it, reserve again.
            var key = await keys.TryReserveAsync(product.Id, order.Id, now + PreCheckoutService.ReservationLength, cancellationToken);
            order.LicenseKeyId = key is not null && await keys.MarkSoldAsync(order.Id, cancellationToken) ? key.Id : null;
            if (order.LicenseKeyId is null)
            {
                logger.LogError("Order {OrderId} was paid but no key is left for it; the merchant must refund it", order.Id);
            }
        }

        db.StarLedger.Add(ledger.SaleCredit(order.BotId, payment.TelegramPaymentChargeId, payment.TotalAmount, order.Id, renewal: false, now));
        db.AddOutboxEvent(PaidEvent(order, payment.TelegramPaymentChargeId, now), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        BusinessMetrics.OrderPaid(MetricLabels.Purchase, payment.TotalAmount);
        return order.Id;
    }

    /// <summary>The charge's row (inserted once, whatever the number of deliveries); its id while the refund is owed, else null.</summary>
    private async Task<Guid?> RecordDuplicateAsync(Order order, SuccessfulPayment payment, long buyerTelegramUserId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7(now);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "DuplicateCharges" ("Id", "TenantId", "OrderId", "BotId", "TelegramPaymentChargeId", "BuyerTelegramUserId", "AmountStars", "ReceivedAt")
            VALUES ({id}, {order.TenantId}, {order.Id}, {order.BotId}, {payment.TelegramPaymentChargeId}, {buyerTelegramUserId}, {payment.TotalAmount}, {now})
            ON CONFLICT ("TenantId", "TelegramPaymentChargeId") DO NOTHING
            """, cancellationToken);
        // The Stars did arrive on the bot: credited like any charge (and debited when the refund goes through).
        var credit = ledger.SaleCredit(order.BotId, payment.TelegramPaymentChargeId, payment.TotalAmount, order.Id, renewal: false, now, "duplicate charge");
        await LedgerEntries.InsertOnceAsync(db, credit, order.TenantId, cancellationToken);
        return await db.DuplicateCharges.Where(c => c.TelegramPaymentChargeId == payment.TelegramPaymentChargeId && c.RefundedAt == null)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static OrderPaid PaidEvent(Order order, string chargeId, DateTimeOffset now) =>
        new(order.Id, order.ProductId, order.CustomerId, order.BotId, order.PriceStars, chargeId, now);
}
