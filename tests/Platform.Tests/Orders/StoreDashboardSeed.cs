using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Tenancy;
using Platform.Tests.Merchant;

namespace Platform.Tests.Orders;

/// <summary>
/// Rows for the store dashboard's tests, written in the store's tenant scope as the payment and refund paths leave them
/// (bots with or without test mode, buyers, products through <see cref="ProductService"/>, orders paid and refunded at
/// chosen instants), so the figures can be asserted exactly.
/// </summary>
public sealed class StoreDashboardSeed(MerchantAppFactory app, TenantInfo tenant)
{
    public TenantInfo Tenant => tenant;

    public Task<Bot> BotAsync(string username, bool testMode = false) => app.InTenantAsync(tenant, async sp =>
    {
        var bot = new Bot
        {
            Id = Guid.CreateVersion7(),
            TelegramBotId = Random.Shared.NextInt64(1, long.MaxValue),
            Username = username,
            TokenCiphertext = "x",
            WebhookSecretCiphertext = "x",
            CreatedAt = DateTimeOffset.UtcNow,
            TestMode = testMode,
        };
        var db = sp.GetRequiredService<PlatformDbContext>();
        db.Bots.Add(bot);
        await db.SaveChangesAsync();
        return bot;
    });

    public Task<Customer> BuyerAsync(string username) => app.InTenantAsync(tenant, async sp =>
    {
        var customer = new Customer
        {
            Id = Guid.CreateVersion7(),
            TelegramUserId = Random.Shared.NextInt64(1, 1L << 40),
            Username = username,
            FirstName = username,
            CreatedAt = DateTimeOffset.UtcNow,
            LastSeenAt = DateTimeOffset.UtcNow,
        };
        var db = sp.GetRequiredService<PlatformDbContext>();
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer;
    });

    public Task<Product> ProductAsync(string title, int priceStars, ProductState state = ProductState.Published) => app.InTenantAsync(tenant, async sp =>
    {
        var created = await sp.GetRequiredService<ProductService>().CreateAsync(new ProductInput
        {
            Kind = ProductKind.Text,
            Title = title,
            Description = title + " for the dashboard",
            PriceStars = priceStars,
            TextContent = "secret",
            State = state,
        }, CancellationToken.None);
        return created.Value ?? throw new InvalidOperationException(string.Join("; ", created.Errors.SelectMany(e => e.Value)));
    });

    /// <summary>An order paid at <paramref name="paidAt"/> (pending when null), refunded at <paramref name="refundedAt"/> if given.</summary>
    public Task<Order> OrderAsync(Bot bot, Product product, Customer buyer, DateTimeOffset? paidAt, DateTimeOffset? refundedAt = null) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var created = paidAt ?? DateTimeOffset.UtcNow;
            var order = new Order
            {
                Id = Guid.CreateVersion7(),
                BotId = bot.Id,
                CustomerId = buyer.Id,
                ProductId = product.Id,
                PriceStars = product.PriceStars,
                ProductTitle = product.Title,
                Status = refundedAt is not null ? OrderStatus.Refunded : paidAt is not null ? OrderStatus.Fulfilled : OrderStatus.Pending,
                ChatId = buyer.TelegramUserId,
                CreatedAt = created.AddMinutes(-1),
                PaidAt = paidAt,
                FulfilledAt = paidAt,
                RefundedAt = refundedAt,
                TelegramPaymentChargeId = paidAt is null ? null : "charge-" + Guid.NewGuid().ToString("N"),
            };
            var db = sp.GetRequiredService<PlatformDbContext>();
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            return order;
        });
}
