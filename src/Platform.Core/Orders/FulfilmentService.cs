using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Files;
using Platform.Core.Outbound;
using Platform.Core.Outbox;
using Telegram.Bot.Types;

namespace Platform.Core.Orders;

/// <summary>
/// Sends what was bought. Each message is a <see cref="Delivery"/> row, unique per (order, kind, sequence): the row is
/// claimed before sending and stamped when Telegram confirms, so a retry skips what was sent. (A crash between the
/// send and the stamp re-sends that one message: never lost, at worst shown twice.) Then the order is Fulfilled
/// with order.fulfilled in the same transaction, once. The words are <see cref="DeliveryTexts"/>' (HTML parse mode); the
/// download link goes as a URL button (<see cref="DownloadLinks.SendAsync"/>).
/// This runs for every purchase, so it is four round trips for a file (read; lock and claim; stamp the document;
/// stamp the link, fulfil and unlock) rather than a query per row — see docs/bots.md, "The payment hot path".
/// </summary>
public sealed class FulfilmentService(
    PlatformDbContext db, BotFileSender files, DownloadLinks links, IPlanFulfilment plans, TimeProvider time, ILogger<FulfilmentService> logger)
{
    private const int LockClass = 0x5354_4f46; // "STOF"

    /// <summary>
    /// One fulfilment per order at a time (a session advisory lock, gone with a killed worker's connection): the
    /// processor and a sweep's job never both send the same delivery.
    /// </summary>
    public async Task FulfilAsync(BotChat chat, Guid orderId, int sequence, CancellationToken cancellationToken)
    {
        // The lock lives on the context's own connection (kept open for the call): no second pooled connection per
        // order, and a connection that dies or goes back to the pool (reset) releases it.
        await using var open = await db.EnsureOpenAsync(cancellationToken);
        var work = await (
            from o in db.Orders.AsNoTracking()
            join p in db.Products.AsNoTracking() on o.ProductId equals p.Id
            where o.Id == orderId
            select new
            {
                Order = o,
                Product = p,
                File = db.StoredFiles.AsNoTracking().Where(f => f.Id == p.FileId).OrderBy(f => f.Id).FirstOrDefault(),
                TelegramFileId = db.TelegramFileCache.Where(c => c.BotId == chat.Bot.Id && c.FileId == p.FileId).OrderBy(c => c.CreatedAt)
                    .Select(c => c.TelegramFileId).FirstOrDefault(),
                Key = db.LicenseKeys.Where(k => k.OrderId == o.Id).OrderBy(k => k.Id).Select(k => k.Value).FirstOrDefault(),
            }).FirstOrDefaultAsync(cancellationToken);
        if (work is null || work.Order.Status is not (OrderStatus.Paid or OrderStatus.Fulfilled))
        {
            if (work?.Order.Status == OrderStatus.Refunded)
            {
                await chat.SendTextAsync(chat.Texts.OrderRefunded, null, cancellationToken);
            }

            return;
        }

        if (work.Product.Kind == ProductKind.Subscription)
        {
            // A plan's charge delivers access, not goods: Subscriptions decides what that means (IPlanFulfilment).
            await plans.FulfilAsync(chat, work.Order, sequence, cancellationToken);
            return;
        }

        if (chat.Tenant.DeliveriesFrozen)
        {
            // A platform admin froze the store's deliveries: no goods are sent; the order stays Paid and is delivered
            // by the backstop once they are unfrozen (docs/admin.md).
            await chat.SendTextAsync(chat.Texts.DeliveriesPaused, null, cancellationToken);
            return;
        }

        var texts = chat.Texts;
        var title = work.Order.ProductTitle;
        var messages = new List<(DeliveryKind Kind, Func<Task<Message>> Send)>();
        switch (work.Product.Kind)
        {
            case ProductKind.File when work.File is { } file:
                var downloadsLeft = Math.Max(0, work.Product.DownloadLimit - work.Order.DownloadCount);
                messages.Add((DeliveryKind.Document, () => files.SendAsync(chat, file, BotFileKind.Document, DeliveryTexts.Header(texts, title, sequence), null,
                    work.TelegramFileId, cancellationToken)));
                messages.Add((DeliveryKind.DownloadLink, () => links.SendAsync(chat, orderId, file.Id, downloadsLeft, cancellationToken)));
                break;
            case ProductKind.LicenseKey when work.Key is { } key:
                messages.Add((DeliveryKind.LicenseKey, () => chat.SendHtmlAsync(DeliveryTexts.Key(texts, title, key, sequence), null, cancellationToken)));
                break;
            case ProductKind.Text:
                var content = DeliveryTexts.Content(texts, title, work.Product.TextContent ?? string.Empty, sequence);
                messages.Add((DeliveryKind.Text, () => chat.SendHtmlAsync(content, null, cancellationToken)));
                break;
            default:
                logger.LogError("Order {OrderId} has nothing to deliver (no file or no key)", orderId);
                return;
        }

        var claims = await LockAndClaimAsync(orderId, sequence, messages.Select(m => m.Kind).ToList(), cancellationToken);
        if (claims is null)
        {
            logger.LogInformation("Order {OrderId} is being fulfilled elsewhere", orderId);
            return;
        }

        var unlocked = false;
        try
        {
            (Guid Id, Message Message)? unstamped = null;
            foreach (var (kind, send) in messages)
            {
                if (claims[kind] is not { } claim)
                {
                    continue; // sent before
                }

                if (unstamped is { } previous)
                {
                    await StampAsync(previous.Id, previous.Message, cancellationToken);
                }

                unstamped = (claim, await send());
            }

            // The last message's stamp, the order's Fulfilled state with its event, and the unlock: one round trip.
            await using var batch = db.CreateBatch();
            if (unstamped is { } last)
            {
                AddStamp(batch, last.Id, last.Message);
            }

            var now = time.GetUtcNow();
            var fulfilled = OutboxExtensions.NewEvent(new OrderFulfilled(orderId, work.Product.Id, now), now);
            batch.Add($"""
                WITH changed AS (UPDATE "Orders" SET "Status" = $1, "FulfilledAt" = $2 WHERE "TenantId" = $3 AND "Id" = $4 AND "Status" = $5 RETURNING 1)
                {OutboxExtensions.InsertWhereSql("changed", 6)}
                """,
                [nameof(OrderStatus.Fulfilled), now, chat.Tenant.Id, orderId, nameof(OrderStatus.Paid),
                    .. OutboxExtensions.InsertValues(fulfilled, chat.Tenant.Id)]);
            batch.Add(AdvisoryLocks.UnlockSql, LockClass, orderId.GetHashCode());
            await batch.ExecuteNonQueryAsync(cancellationToken);
            unlocked = true;
        }
        finally
        {
            if (!unlocked)
            {
                await AdvisoryLocks.UnlockAsync(db.Database.GetDbConnection(), LockClass, orderId.GetHashCode());
            }
        }
    }

    /// <summary>Next sequence for a "get again" from /orders.</summary>
    public async Task<int> NextSequenceAsync(Guid orderId, CancellationToken cancellationToken) =>
        (await db.Deliveries.Where(d => d.OrderId == orderId).MaxAsync(d => (int?)d.Sequence, cancellationToken) ?? -1) + 1;

    /// <summary>
    /// The order's lock, then a claim row for each message (kept if it exists), then which claims are still unsent:
    /// kind → delivery id to send, or null when sent before. Null when another fulfilment holds the lock (its claims
    /// are the same rows, so claiming here too changes nothing).
    /// </summary>
    private async Task<Dictionary<DeliveryKind, Guid?>?> LockAndClaimAsync(Guid orderId, int sequence, List<DeliveryKind> kinds,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tenantId = db.CurrentTenantId!.Value;
        await using var batch = db.CreateBatch();
        batch.Add(AdvisoryLocks.TryLockSql, LockClass, orderId.GetHashCode());
        // $1 order, $2 sequence, $3 now, $4 tenant; then an id and a kind per message.
        var rows = string.Join(", ", kinds.Select((_, i) => $"(${5 + 2 * i}, $4, $1, ${6 + 2 * i}, $2, $3)"));
        batch.Add(
            $"""INSERT INTO "Deliveries" ("Id", "TenantId", "OrderId", "Kind", "Sequence", "CreatedAt") VALUES {rows} """
            + """ON CONFLICT ("TenantId", "OrderId", "Kind", "Sequence") DO NOTHING""",
            [orderId, sequence, now, tenantId, .. kinds.SelectMany(k => new object[] { Guid.CreateVersion7(now), k.ToString() })]);
        batch.Add("""SELECT "Id", "Kind", "SentAt" FROM "Deliveries" WHERE "TenantId" = $1 AND "OrderId" = $2 AND "Sequence" = $3""", tenantId, orderId,
            sequence);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var locked = reader.GetBoolean(0);
        // Npgsql's reader passes over statements that return no rows (the INSERT): the next result is the SELECT.
        await reader.NextResultAsync(cancellationToken);
        var claims = kinds.ToDictionary(k => k, _ => (Guid?)null);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Enum.TryParse<DeliveryKind>(reader.GetString(1), out var kind) && claims.ContainsKey(kind) && reader.IsDBNull(2))
            {
                claims[kind] = reader.GetGuid(0);
            }
        }

        return locked ? claims : null;
    }

    private async Task StampAsync(Guid deliveryId, Message message, CancellationToken cancellationToken)
    {
        await using var batch = db.CreateBatch();
        AddStamp(batch, deliveryId, message);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private void AddStamp(NpgsqlBatch batch, Guid deliveryId, Message message) =>
        batch.Add("""UPDATE "Deliveries" SET "TelegramMessageId" = $1, "SentAt" = $2 WHERE "TenantId" = $3 AND "Id" = $4""",
            (long)message.Id, time.GetUtcNow(), db.CurrentTenantId!.Value, deliveryId);
}
