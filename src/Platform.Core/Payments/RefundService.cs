using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Ledger;
using Platform.Core.Orders;
using Platform.Core.Outbound;
using Platform.Core.Outbox;
using Platform.Core.Subscriptions;
using Platform.Core.Telemetry;
using Platform.Core.Text;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Platform.Core.Payments;

/// <summary>
/// Refunds (owner action, and refunded_payment updates). Telegram first (refundStarPayment;
/// CHARGE_ALREADY_REFUNDED counts as done), then one transaction: order Refunded, key revoked, order.refunded —
/// conditional on the order not being refunded yet, so any number of repeats change nothing more. Download links
/// die with the order status. The customer is told by a job (a RefundNotice delivery row, sent once). Refunding a
/// plan's charge (its first payment or any renewal) ends the membership at once (<see cref="SubscriptionLifecycle.ExpireAsync"/>).
/// </summary>
public sealed class RefundService(
    PlatformDbContext db, LicenseKeyPool keys, BotCalls calls, SubscriptionLifecycle subscriptions, LedgerEntries ledger,
    IBackgroundJobClient jobs, TimeProvider time, ILogger<RefundService> logger)
{
    public string? LastTelegramError { get; private set; }

    public Task<RefundResult> RefundAsync(Guid orderId, CancellationToken cancellationToken) => RefundAsync(orderId, null, cancellationToken);

    /// <summary>
    /// The refund with the merchant's <paramref name="reason"/> (optional; trimmed, empty is none; check it with
    /// <see cref="ReasonError"/> first), stored on the order and sent in order.refunded.
    /// </summary>
    public async Task<RefundResult> RefundAsync(Guid orderId, string? reason, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return RefundResult.NotFound;
        }

        if (order.Status == OrderStatus.Refunded)
        {
            return RefundResult.AlreadyRefunded;
        }

        if (order.Status is not (OrderStatus.Paid or OrderStatus.Fulfilled) || order.TelegramPaymentChargeId is null)
        {
            return RefundResult.NotPaid;
        }

        var userId = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.TelegramUserId).FirstAsync(cancellationToken);
        var bot = await db.Bots.AsNoTracking().FirstAsync(b => b.Id == order.BotId, cancellationToken);
        try
        {
            await RefundChargeAsync(bot.Id, bot.TokenCiphertext, userId, order.TelegramPaymentChargeId, cancellationToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The bot's token was encrypted with a key this host cannot read (e.g. a rotated-out key-ring certificate
            // not listed under DataProtection:PreviousCertificates). Nothing was sent; the merchant sees why.
            LastTelegramError = "The bot's token cannot be decrypted on this server (key-ring certificate missing); reconnect the bot.";
            logger.LogError("Refund of order {OrderId}: the bot token of {BotId} cannot be decrypted", orderId, bot.Id);
            return RefundResult.TelegramFailed;
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
        {
            LastTelegramError = e.Message;
            logger.LogWarning("Refund of order {OrderId} refused by Telegram: {Error}", orderId, e.Message);
            return RefundResult.TelegramFailed;
        }

        return await MarkRefundedAsync(order.Id, reason, cancellationToken) ? RefundResult.Refunded : RefundResult.AlreadyRefunded;
    }

    /// <summary>
    /// The Telegram half of every refund (an order's, a duplicate charge's): refundStarPayment through the bot's send
    /// path (<see cref="BotCalls"/>: one 429 layer, no retry inside the client). CHARGE_ALREADY_REFUNDED counts as done
    /// — refunded before, by an earlier try or by Telegram support. Any other failure throws.
    /// </summary>
    public async Task RefundChargeAsync(Guid botId, string tokenCiphertext, long telegramUserId, string chargeId, CancellationToken cancellationToken)
    {
        try
        {
            await calls.CallAsync(botId, tokenCiphertext, (client, ct) => client.RefundStarPayment(telegramUserId, chargeId, ct), cancellationToken);
        }
        catch (ApiRequestException e) when (e.Message.Contains("CHARGE_ALREADY_REFUNDED", StringComparison.Ordinal))
        {
            // Done before: record it like any refund.
        }
    }

    /// <summary>
    /// A refunded_payment update: the order is refunded only when the charge is the one that paid it. A refunded
    /// duplicate charge (ours, or refunded by hand) stamps its <see cref="DuplicateCharge"/> row and leaves the order paid.
    /// </summary>
    public async Task RecordRefundedPaymentAsync(Guid orderId, string chargeId, CancellationToken cancellationToken)
    {
        if (await db.DuplicateCharges.AsNoTracking().FirstOrDefaultAsync(c => c.TelegramPaymentChargeId == chargeId, cancellationToken) is { } duplicate)
        {
            await MarkDuplicateRefundedAsync(duplicate, cancellationToken);
            return;
        }

        // A renewal's refund carries the first order's payload (every charge of a Telegram subscription does): the charge
        // names its own order, which must be a charge of the same membership.
        var charged = await db.Orders.Where(o => o.TelegramPaymentChargeId == chargeId
                && (o.Id == orderId || (o.SubscriptionId != null && db.Orders.Any(f => f.Id == orderId && f.SubscriptionId == o.SubscriptionId))))
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        if (charged is { } chargedOrderId)
        {
            await MarkRefundedAsync(chargedOrderId, cancellationToken);
        }
        else
        {
            logger.LogWarning("A refund of charge {ChargeId} names order {OrderId}, which that charge did not pay; nothing changed", chargeId, orderId);
        }
    }

    /// <summary>
    /// The database half; true only for the call that actually changed the order. A plan's charge then expires its
    /// membership (a repeat finds the order refunded already and leaves a membership reactivated since alone).
    /// </summary>
    public Task<bool> MarkRefundedAsync(Guid orderId, CancellationToken cancellationToken) => MarkRefundedAsync(orderId, null, cancellationToken);

    /// <summary>What is wrong with a refund reason (too long, or characters the platform refuses), or null when it may be stored.</summary>
    public static string? ReasonError(string? reason) =>
        reason is null ? null
        : reason.Trim().Length > Order.RefundReasonMaxLength ? $"The reason can be at most {Order.RefundReasonMaxLength} characters."
        : ForbiddenText.IsForbidden(reason) ? ForbiddenText.For("The reason")
        : null;

    /// <summary>As <see cref="MarkRefundedAsync(Guid, CancellationToken)"/>, recording the merchant's reason (null: none).</summary>
    public async Task<bool> MarkRefundedAsync(Guid orderId, string? reason, CancellationToken cancellationToken)
    {
        if (ReasonError(reason) is { } error)
        {
            throw new ArgumentException(error, nameof(reason));
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Orders.Where(o => o.Id == orderId && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Refunded).SetProperty(o => o.RefundedAt, now)
                .SetProperty(o => o.RefundReason, reason), cancellationToken);
        if (changed == 0)
        {
            return false;
        }

        await keys.RevokeAsync(orderId, cancellationToken);
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == orderId, cancellationToken);
        db.StarLedger.Add(ledger.RefundDebit(order.BotId, order.TelegramPaymentChargeId!, order.PriceStars, order.Id, now));
        db.AddOutboxEvent(new OrderRefunded(order.Id, order.ProductId, order.PriceStars, order.TelegramPaymentChargeId, now, reason), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        BusinessMetrics.Refunded(MetricLabels.OrderRefund, order.PriceStars);
        var tenantId = order.TenantId;
        jobs.Enqueue<RefundNotifier>(n => n.NotifyAsync(tenantId, orderId, CancellationToken.None));
        await ExpireMembershipAsync(orderId, cancellationToken);
        return true;
    }

    /// <summary>
    /// Stamps a duplicate charge refunded and debits the ledger, in one transaction, once: the refund job and Telegram's
    /// refunded_payment may both get here; the first stamps, and the debit's key keeps it single either way.
    /// </summary>
    public async Task MarkDuplicateRefundedAsync(DuplicateCharge charge, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stamped = await db.DuplicateCharges.Where(c => c.Id == charge.Id && c.RefundedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RefundedAt, now), cancellationToken);
        if (stamped > 0)
        {
            var debit = ledger.RefundDebit(charge.BotId, charge.TelegramPaymentChargeId, charge.AmountStars, charge.OrderId, now, "duplicate charge");
            await LedgerEntries.InsertOnceAsync(db, debit, charge.TenantId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (stamped > 0)
        {
            BusinessMetrics.Refunded(MetricLabels.DuplicateChargeRefund, charge.AmountStars);
        }
    }

    private async Task ExpireMembershipAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var subscriptionId = await db.Orders.Where(o => o.Id == orderId && o.Status == OrderStatus.Refunded).Select(o => o.SubscriptionId)
            .FirstOrDefaultAsync(cancellationToken);
        if (subscriptionId is { } id)
        {
            await subscriptions.ExpireAsync(id, "refunded", cancellationToken);
        }
    }
}
