using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Tenancy;
using Platform.Tests.Merchant;

namespace Platform.Tests.Orders;

/// <summary>Many orders of one store at once (one bot, one buyer), newest last, for the orders list tests.</summary>
internal static class OrdersSeed
{
    /// <summary>Copies of <paramref name="template"/> with the given statuses, a minute apart; returns their ids in that order.</summary>
    public static Task<List<Guid>> AddAsync(MerchantAppFactory app, TenantInfo tenant, Order template, IEnumerable<OrderStatus> statuses) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var start = template.CreatedAt.AddHours(-2);
            var ids = new List<Guid>();
            foreach (var (status, i) in statuses.Select((s, i) => (s, i)))
            {
                var paid = status is OrderStatus.Paid or OrderStatus.Fulfilled or OrderStatus.Refunded;
                var order = new Order
                {
                    Id = Guid.CreateVersion7(),
                    BotId = template.BotId,
                    CustomerId = template.CustomerId,
                    ProductId = template.ProductId,
                    PriceStars = template.PriceStars,
                    ProductTitle = template.ProductTitle,
                    Status = status,
                    ChatId = template.ChatId,
                    CreatedAt = start.AddMinutes(i),
                    PaidAt = paid ? start.AddMinutes(i) : null,
                    RefundedAt = status == OrderStatus.Refunded ? start.AddMinutes(i + 1) : null,
                    TelegramPaymentChargeId = paid ? "charge-" + Guid.NewGuid().ToString("N") : null,
                };
                db.Orders.Add(order);
                ids.Add(order.Id);
            }

            await db.SaveChangesAsync();
            return ids;
        });

    /// <summary>A store with a published file product and one paid order of it (the template for more).</summary>
    public static async Task<(TenantInfo Tenant, string Email, Product Product, Order Order)> StoreAsync(MerchantAppFactory app, string name,
        int downloadLimit = 5)
    {
        var (tenant, email) = await app.NewStoreAsync(name);
        var file = await app.UploadAsync(tenant, "%PDF-1.4 tiny"u8.ToArray(), "tiny.pdf");
        var (product, order) = await app.PaidFileOrderAsync(tenant, file, downloadLimit);
        return (tenant, email, product, order);
    }
}
