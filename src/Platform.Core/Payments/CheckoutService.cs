using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Outbound;
using Telegram.Bot;
using Telegram.Bot.Types.Payments;

namespace Platform.Core.Payments;

/// <summary>
/// Buy: a pending order with the price snapshot, then an invoice in Stars (XTR, no provider token, one price) whose
/// payload is the order id. Keys are reserved at pre-checkout, not here, so browsing buyers hold no stock.
/// </summary>
public sealed class CheckoutService(PlatformDbContext db, CatalogReader catalog, CustomerDirectory customers, LicenseKeyPool keys, TimeProvider time)
{
    public async Task BuyAsync(BotChat chat, Guid productId, long updateId, CancellationToken cancellationToken)
    {
        var product = await catalog.FindPublishedAsync(productId, cancellationToken);
        if (product is null || chat.From is null)
        {
            await chat.SendTextAsync(chat.Texts.ProductUnavailable, null, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        if (product.Kind == ProductKind.LicenseKey && await keys.AvailableCountAsync(product.Id, cancellationToken) == 0)
        {
            await chat.SendTextAsync(chat.Texts.SoldOut, null, cancellationToken);
            return;
        }

        var orderId = OrderIds.FromUpdate(chat.Bot.Id, updateId);
        if (!await db.Orders.AnyAsync(o => o.Id == orderId, cancellationToken))
        {
            db.Orders.Add(new Order
            {
                Id = orderId,
                BotId = chat.Bot.Id,
                CustomerId = await customers.UpsertAsync(chat.From, cancellationToken),
                ProductId = product.Id,
                PriceStars = product.PriceStars,
                ProductTitle = product.Title,
                Status = OrderStatus.Pending,
                ChatId = chat.ChatId,
                CreatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        var title = MessageText.Cut(product.Title, Product.TitleMaxLength);
        var description = MessageText.Cut(string.IsNullOrWhiteSpace(product.Description) ? product.Title : product.Description,
            Product.InvoiceDescriptionMaxLength);
        await chat.SendAsync(ct => chat.Client.SendInvoice(
            chat.ChatId, title, description, OrderIds.ToPayload(orderId), "XTR", [new LabeledPrice(title, product.PriceStars)],
            cancellationToken: ct), cancellationToken);
    }
}
