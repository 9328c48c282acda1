using Hangfire;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Data;

namespace Platform.Core.Orders;

/// <summary>
/// The merchant's help for a buyer on one order (portal order page). "Resend delivery" queues <see cref="FulfilOrderJob"/>
/// for the order with a delivery sequence chosen when the page was shown: the same click posted twice, or the job run
/// twice, claims the same (order, kind, sequence) rows and sends once. "Reset downloads" sets the download count back to
/// 0 for a file order and records a <see cref="DeliveryKind.DownloadsReset"/> row in the order's history (no message).
/// Both only for a paid or delivered order that is not a plan's charge.
/// </summary>
public sealed class OrderActions(PlatformDbContext db, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>The sequence the next resend uses: one past every goods delivery (the reset records have their own count).</summary>
    public async Task<int> NextResendSequenceAsync(Guid orderId, CancellationToken cancellationToken) =>
        (await db.Deliveries.Where(d => d.OrderId == orderId && d.Kind != DeliveryKind.DownloadsReset && d.Kind != DeliveryKind.RefundNotice)
            .MaxAsync(d => (int?)d.Sequence, cancellationToken) ?? -1) + 1;

    /// <summary>Whether the order can be resent / have its downloads reset (what the order page offers).</summary>
    public async Task<(bool Resend, bool ResetDownloads)> AvailableAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var order = await FindAsync(orderId, cancellationToken);
        return order is null || !Deliverable(order.Status, order.SubscriptionId) ? (false, false) : (true, order.Kind == ProductKind.File);
    }

    /// <summary>Queues the resend numbered <paramref name="sequence"/> (the page's <see cref="NextResendSequenceAsync"/>).</summary>
    public async Task<OrderActionResult> ResendAsync(Guid orderId, int sequence, CancellationToken cancellationToken)
    {
        var order = await FindAsync(orderId, cancellationToken);
        if (order is null)
        {
            return OrderActionResult.NotFound;
        }

        if (!Deliverable(order.Status, order.SubscriptionId))
        {
            return OrderActionResult.NotAllowed;
        }

        var next = await NextResendSequenceAsync(orderId, cancellationToken);
        if (sequence < next || sequence < 0)
        {
            return OrderActionResult.AlreadyDone; // that click's delivery exists already
        }

        // A sequence from a form never runs ahead: past the next one it is the next one.
        var chosen = Math.Min(sequence, next);
        var tenantId = db.CurrentTenantId!.Value;
        jobs.Enqueue<FulfilOrderJob>(j => j.RedeliverAsync(tenantId, orderId, chosen, CancellationToken.None));
        return OrderActionResult.Done;
    }

    /// <summary>Download count back to 0, recorded in the order's history, in one transaction.</summary>
    public async Task<OrderActionResult> ResetDownloadsAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var order = await FindAsync(orderId, cancellationToken);
        if (order is null)
        {
            return OrderActionResult.NotFound;
        }

        if (!Deliverable(order.Status, order.SubscriptionId) || order.Kind != ProductKind.File)
        {
            return OrderActionResult.NotAllowed;
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Orders.Where(o => o.Id == orderId && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.DownloadCount, 0), cancellationToken);
        if (changed == 0)
        {
            return OrderActionResult.NotAllowed;
        }

        var sequence = await db.Deliveries.Where(d => d.OrderId == orderId && d.Kind == DeliveryKind.DownloadsReset)
            .MaxAsync(d => (int?)d.Sequence, cancellationToken) ?? -1;
        db.Deliveries.Add(new Delivery
        {
            Id = Guid.CreateVersion7(now),
            OrderId = orderId,
            Kind = DeliveryKind.DownloadsReset,
            Sequence = sequence + 1,
            CreatedAt = now,
            SentAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OrderActionResult.Done;
    }

    private static bool Deliverable(OrderStatus status, Guid? subscriptionId) =>
        status is OrderStatus.Paid or OrderStatus.Fulfilled && subscriptionId is null;

    private Task<ActionTarget?> FindAsync(Guid orderId, CancellationToken cancellationToken) =>
        (from o in db.Orders.AsNoTracking()
         join p in db.Products.AsNoTracking() on o.ProductId equals p.Id
         where o.Id == orderId
         select new ActionTarget(o.Status, o.SubscriptionId, p.Kind)).FirstOrDefaultAsync(cancellationToken);

    private sealed record ActionTarget(OrderStatus Status, Guid? SubscriptionId, ProductKind Kind);
}
