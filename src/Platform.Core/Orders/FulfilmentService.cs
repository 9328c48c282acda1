using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Outbox;
using Telegram.Bot.Types;

namespace Platform.Core.Orders;

/// <summary>
/// Sends what was bought. Each message is a <see cref="Delivery"/> row, unique per (order, kind, sequence): the row is
/// claimed before sending and stamped when Telegram confirms, so a retry skips what was sent. (A crash between the
/// send and the stamp re-sends that one message: never lost, at worst shown twice.) Then the order is Fulfilled
/// with order.fulfilled in the same transaction, once.
/// </summary>
public sealed class FulfilmentService(
    PlatformDbContext db, BotFileSender files, DownloadLinks links, TimeProvider time, ILogger<FulfilmentService> logger)
{
    private const int LockClass = 0x5354_4f46; // "STOF"

    /// <summary>
    /// One fulfilment per order at a time (a session advisory lock, gone with a killed worker's connection): the
    /// processor and a sweep's job never both send the same delivery.
    /// </summary>
    public async Task FulfilAsync(BotChat chat, Guid orderId, int sequence, CancellationToken cancellationToken)
    {
        // The lock lives on the context's own connection (kept open for the call): no second pooled connection per
        // order, and a connection that dies or goes back to the pool (DISCARD ALL) releases it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (!await AdvisoryLocks.TryLockAsync(connection, LockClass, orderId.GetHashCode(), cancellationToken))
            {
                logger.LogInformation("Order {OrderId} is being fulfilled elsewhere", orderId);
                return;
            }

            try
            {
                await FulfilLockedAsync(chat, orderId, sequence, cancellationToken);
            }
            finally
            {
                await AdvisoryLocks.UnlockAsync(connection, LockClass, orderId.GetHashCode());
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task FulfilLockedAsync(BotChat chat, Guid orderId, int sequence, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null || order.Status is not (OrderStatus.Paid or OrderStatus.Fulfilled))
        {
            if (order?.Status == OrderStatus.Refunded)
            {
                await chat.SendTextAsync(chat.Texts.OrderRefunded, null, cancellationToken);
            }

            return;
        }

        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == order.ProductId, cancellationToken);
        var thanks = chat.Texts.ThanksPaid(order.ProductTitle);
        switch (product.Kind)
        {
            case ProductKind.File:
                var file = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Id == product.FileId, cancellationToken);
                await DeliverAsync(order.Id, DeliveryKind.Document, sequence, () => files.SendAsync(chat, file, BotFileKind.Document, thanks, null, cancellationToken), cancellationToken);
                await DeliverAsync(order.Id, DeliveryKind.DownloadLink, sequence,
                    () => chat.SendTextAsync(chat.Texts.DownloadLink(links.CreateUrl(order.Id, file.Id)), null, cancellationToken), cancellationToken);
                break;
            case ProductKind.LicenseKey:
                var key = await db.LicenseKeys.AsNoTracking().Where(k => k.OrderId == order.Id).Select(k => k.Value).FirstOrDefaultAsync(cancellationToken);
                if (key is null)
                {
                    logger.LogError("Order {OrderId} has no key to deliver", order.Id);
                    return;
                }

                await DeliverAsync(order.Id, DeliveryKind.LicenseKey, sequence, () => chat.SendTextAsync($"{thanks}\n\n{chat.Texts.YourKey(key)}", null, cancellationToken), cancellationToken);
                break;
            case ProductKind.Text:
                await DeliverAsync(order.Id, DeliveryKind.Text, sequence,
                    () => chat.SendTextAsync($"{thanks}\n\n{chat.Texts.YourContent(product.TextContent ?? string.Empty)}", null, cancellationToken), cancellationToken);
                break;
        }

        await MarkFulfilledAsync(order, cancellationToken);
    }

    /// <summary>Next sequence for a "get again" from /orders.</summary>
    public async Task<int> NextSequenceAsync(Guid orderId, CancellationToken cancellationToken) =>
        (await db.Deliveries.Where(d => d.OrderId == orderId).MaxAsync(d => (int?)d.Sequence, cancellationToken) ?? -1) + 1;

    private async Task DeliverAsync(Guid orderId, DeliveryKind kind, int sequence, Func<Task<Message>> send, CancellationToken cancellationToken)
    {
        var existing = await db.Deliveries.FirstOrDefaultAsync(d => d.OrderId == orderId && d.Kind == kind && d.Sequence == sequence, cancellationToken);
        if (existing?.SentAt is not null)
        {
            return;
        }

        if (existing is null)
        {
            existing = new Delivery { Id = Guid.CreateVersion7(time.GetUtcNow()), OrderId = orderId, Kind = kind, Sequence = sequence, CreatedAt = time.GetUtcNow() };
            db.Deliveries.Add(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        var message = await send();
        existing.TelegramMessageId = message.Id;
        existing.SentAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task MarkFulfilledAsync(Order order, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Orders.Where(o => o.Id == order.Id && o.Status == OrderStatus.Paid)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Fulfilled).SetProperty(o => o.FulfilledAt, now), cancellationToken);
        if (changed == 1)
        {
            db.AddOutboxEvent(EventTypes.OrderFulfilled, new { order_id = order.Id, product_id = order.ProductId, fulfilled_at = now }, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
