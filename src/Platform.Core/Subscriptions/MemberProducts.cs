using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Outbound;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The file and text products a membership grants, for the bot: listed, and delivered on request while the membership
/// grants access. A file comes as a document plus a <c>/d/</c> link tied to the membership's latest paid charge, so
/// the download endpoint refuses it once access ends (<see cref="MemberDownloadCheck"/>). Scoped to one tenant.
/// </summary>
public sealed class MemberProducts(PlatformDbContext db, BotFileSender files, DownloadLinks links, TimeProvider time)
{
    public async Task<IReadOnlyList<MemberProduct>> ListAsync(Guid subscriptionId, CancellationToken cancellationToken) =>
        await (
            from s in db.Subscriptions.AsNoTracking()
            where s.Id == subscriptionId
            from g in db.PlanGrants
            where g.PlanId == s.PlanId && g.Kind == PlanGrantKind.Product
            from p in db.Products
            where p.Id == g.ProductId
            orderby p.Title
            select new MemberProduct(p.Id, p.Title, p.Kind)).ToListAsync(cancellationToken);

    /// <summary>
    /// Sends one granted product to the member in <paramref name="chat"/> (their private chat: the membership's
    /// Telegram user must be the chat). Sends the "membership ended" text instead once access has ended.
    /// </summary>
    public async Task<MemberDelivery> DeliverAsync(BotChat chat, Guid subscriptionId, Guid productId, CancellationToken cancellationToken)
    {
        var found = await (
            from s in db.Subscriptions.AsNoTracking()
            where s.Id == subscriptionId && s.TelegramUserId == chat.ChatId
            select new
            {
                s.Status,
                s.AccessEndsAt,
                Plan = db.Products.Where(p => p.Id == s.PlanId).Select(p => p.Title).FirstOrDefault(),
                Product = (
                    from g in db.PlanGrants
                    where g.PlanId == s.PlanId && g.Kind == PlanGrantKind.Product && g.ProductId == productId
                    from p in db.Products
                    where p.Id == g.ProductId
                    select p).FirstOrDefault(),
                OrderId = db.Orders.Where(o => o.SubscriptionId == s.Id && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Fulfilled))
                    .OrderByDescending(o => o.PaidAt).Select(o => (Guid?)o.Id).FirstOrDefault(),
            }).FirstOrDefaultAsync(cancellationToken);
        if (found?.Product is not { } product)
        {
            return MemberDelivery.NotGranted;
        }

        if (!MembershipAccess.IsOpen(found.Status, found.AccessEndsAt, time.GetUtcNow()))
        {
            await chat.SendTextAsync(chat.Texts.MembershipAccessEnded(found.Plan ?? string.Empty), null, cancellationToken);
            return MemberDelivery.AccessEnded;
        }

        switch (product.Kind)
        {
            case ProductKind.File when product.FileId is { } fileId
                && await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken) is { } file:
                await files.SendAsync(chat, file, BotFileKind.Document, TelegramHtml.Bold(product.Title), null, cancellationToken);
                if (found.OrderId is { } orderId)
                {
                    // A complimentary membership has no charge to tie a link to: the document alone.
                    await links.SendAsync(chat, orderId, file.Id, null, cancellationToken);
                }

                return MemberDelivery.Sent;
            case ProductKind.Text:
                await chat.SendTextAsync(chat.Texts.YourContent(product.TextContent ?? string.Empty), null, cancellationToken);
                return MemberDelivery.Sent;
            default:
                return MemberDelivery.NotGranted;
        }
    }
}
