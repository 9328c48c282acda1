using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Outbound;
using Platform.Core.Subscriptions;
using Platform.Core.Tenancy;
using Telegram.Bot;
using Telegram.Bot.Types.Payments;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Payments;

/// <summary>
/// Buy: a pending order with the price snapshot, then an invoice in Stars (XTR, no provider token, one price) whose
/// payload is the order id. Keys are reserved at pre-checkout, not here, so browsing buyers hold no stock.
/// A plan (a subscription product) is sold the only way Telegram sells Stars subscriptions: an invoice link with
/// subscription_period 30 days, sent as a link button; a customer who is a member already is told so instead. A plan
/// sold through Telegram's channel subscription link gets that link instead of an invoice: Telegram charges at the door.
/// A suspended store makes no invoice and no order: the buyer is told the store is unavailable (docs/admin.md).
/// </summary>
public sealed class CheckoutService(
    PlatformDbContext db, CatalogReader catalog, CustomerDirectory customers, LicenseKeyPool keys, ChannelAccess channels, ITenantStore tenants,
    TimeProvider time)
{
    public async Task BuyAsync(BotChat chat, Guid productId, long updateId, CancellationToken cancellationToken)
    {
        // The update's snapshot may predate a suspension that committed while it waited: ask the store (the cache is
        // invalidated across processes within milliseconds).
        if (!chat.Tenant.IsActive || await tenants.FindByIdAsync(chat.Tenant.Id, cancellationToken) is not { IsActive: true })
        {
            await chat.SendTextAsync(chat.Texts.StoreUnavailable, null, cancellationToken);
            return;
        }

        var product = await catalog.FindPublishedAsync(productId, cancellationToken);
        if (product is null || chat.From is null)
        {
            await chat.SendTextAsync(chat.Texts.ProductUnavailable, null, cancellationToken);
            return;
        }

        if (product.Kind == ProductKind.LicenseKey && await keys.AvailableCountAsync(product.Id, cancellationToken) == 0)
        {
            await chat.SendTextAsync(chat.Texts.SoldOut, null, cancellationToken);
            return;
        }

        if (product.Kind == ProductKind.Subscription)
        {
            var doors = await channels.ChannelSubscriptionLinksAsync(product.Id, chat.Bot.Id, cancellationToken);
            if (doors.Count > 0)
            {
                var buttons = doors.Select(d => new[] { InlineKeyboardButton.WithUrl(chat.Texts.JoinChat(d.Title), d.Link) });
                await chat.SendTextAsync(chat.Texts.ChannelSubscriptionOffer(product.Title, product.PriceStars), new InlineKeyboardMarkup(buttons),
                    cancellationToken);
                return;
            }

            await BuyPlanAsync(chat, product, updateId, cancellationToken);
            return;
        }

        var orderId = await PendingOrderAsync(chat, product, await customers.UpsertAsync(chat.From, cancellationToken), updateId, cancellationToken);
        var title = MessageText.Cut(product.Title, Product.TitleMaxLength);
        await chat.SendAsync(ct => chat.Client.SendInvoice(
            chat.ChatId, title, Description(product), OrderIds.ToPayload(orderId), "XTR", [new LabeledPrice(title, product.PriceStars)],
            cancellationToken: ct), cancellationToken);
    }

    private async Task BuyPlanAsync(BotChat chat, Product plan, long updateId, CancellationToken cancellationToken)
    {
        var customerId = await customers.UpsertAsync(chat.From!, cancellationToken);
        var member = await db.Subscriptions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.PlanId == plan.Id && s.CustomerId == customerId && s.Status == SubscriptionStatus.Active, cancellationToken);
        if (member is not null)
        {
            await chat.SendTextAsync(chat.Texts.AlreadyMember(plan.Title, member.PeriodEnd), null, cancellationToken);
            return;
        }

        var orderId = await PendingOrderAsync(chat, plan, customerId, updateId, cancellationToken);
        var title = MessageText.Cut(plan.Title, Product.TitleMaxLength);
        var link = await chat.SendAsync(ct => chat.Client.CreateInvoiceLink(
            title, Description(plan), OrderIds.ToPayload(orderId), "XTR", [new LabeledPrice(title, plan.PriceStars)],
            subscriptionPeriod: (int)MembershipSchedule.Period.TotalSeconds, cancellationToken: ct), cancellationToken);
        await chat.SendTextAsync(chat.Texts.SubscribeInvoice(plan.Title),
            new InlineKeyboardMarkup(InlineKeyboardButton.WithUrl(chat.Texts.Subscribe(plan.PriceStars), link)), cancellationToken);
    }

    /// <summary>The update's pending order (made once: a re-run update finds it), the invoice's payload.</summary>
    private async Task<Guid> PendingOrderAsync(BotChat chat, Product product, Guid customerId, long updateId, CancellationToken cancellationToken)
    {
        var orderId = OrderIds.FromUpdate(chat.Bot.Id, updateId);
        if (!await db.Orders.AnyAsync(o => o.Id == orderId, cancellationToken))
        {
            db.Orders.Add(new Order
            {
                Id = orderId,
                BotId = chat.Bot.Id,
                CustomerId = customerId,
                ProductId = product.Id,
                PriceStars = product.PriceStars,
                ProductTitle = product.Title,
                Status = OrderStatus.Pending,
                ChatId = chat.ChatId,
                CreatedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return orderId;
    }

    /// <summary>Invoices take no formatting: the description's visible text (<see cref="RichText"/>), else the title.</summary>
    private static string Description(Product product) =>
        MessageText.Cut(RichText.Safe(product.Description).PlainText.Trim() is { Length: > 0 } plain ? plain : product.Title,
            Product.InvoiceDescriptionMaxLength);
}
