using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots.Texts;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Tenancy;
using Telegram.Bot.Types.Payments;

namespace Platform.Core.Payments;

/// <summary>
/// The last word before Stars move: the order is still pending and the buyer's, the tenant is active, the product is
/// still published at the invoiced price, and for a key product a key is reserved for this order. Runs on the ingress
/// fast path, so it is a handful of indexed queries and nothing else.
/// </summary>
public sealed class PreCheckoutService(PlatformDbContext db, LicenseKeyPool keys, TimeProvider time)
{
    /// <summary>How long a key stays held for a buyer between pre-checkout and payment.</summary>
    public static readonly TimeSpan ReservationLength = TimeSpan.FromMinutes(15);

    /// <summary>Null to accept; otherwise the message Telegram shows the buyer (no Stars are taken).</summary>
    public async Task<string?> ValidateAsync(TenantInfo tenant, PreCheckoutQuery query, CancellationToken cancellationToken)
    {
        var settings = await db.StoreSettings.AsNoTracking().Select(s => s.DefaultLanguage).FirstOrDefaultAsync(cancellationToken);
        var texts = BotTexts.For(query.From.LanguageCode, settings);
        if (!tenant.IsActive)
        {
            return texts.StoreUnavailable;
        }

        var order = OrderIds.FromPayload(query.InvoicePayload) is { } id
            ? await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            : null;
        var buyer = order is null ? null : await db.Customers.AsNoTracking().Where(c => c.Id == order.CustomerId).Select(c => (long?)c.TelegramUserId).FirstOrDefaultAsync(cancellationToken);
        if (order is null || order.Status != OrderStatus.Pending || buyer != query.From.Id)
        {
            return texts.OrderNotFound;
        }

        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == order.ProductId, cancellationToken);
        if (product is null || product.State != ProductState.Published)
        {
            return texts.ProductUnavailable;
        }

        if (product.PriceStars != order.PriceStars || query.TotalAmount != order.PriceStars || query.Currency != "XTR")
        {
            return texts.PriceChanged;
        }

        if (product.Kind == ProductKind.LicenseKey && await keys.TryReserveAsync(product.Id, order.Id, time.GetUtcNow() + ReservationLength, cancellationToken) is null)
        {
            return texts.SoldOut;
        }

        return null;
    }
}
