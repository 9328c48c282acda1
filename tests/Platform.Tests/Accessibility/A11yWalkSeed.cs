using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Orders;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;
using Platform.Tests.Merchant;
using Platform.Tests.Subscriptions;

namespace Platform.Tests.Accessibility;

/// <summary>
/// A store "with data", so every page shows its tables and lists rather than empty states: a bot, a file, products of
/// each kind (a key product with keys, a plan with members), a category, paid / refunded / pending orders with a
/// delivery, a webhook endpoint with a delivery, an API client, a pending invitation; and a platform admin. Long names
/// on purpose: they are what pushes a phone's page sideways.
/// </summary>
internal static class A11yWalkSeed
{
    public static async Task<A11yWalkData> SeedAsync(MerchantAppFactory app)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var ownerEmail = $"walk-owner-with-a-long-address-{suffix}@example.test";
        var store = await app.SignUpStoreAsync($"Walk store with a rather long name {suffix}", ownerEmail, MerchantAppFactory.Password);
        var tenant = store.Tenant;
        var file = await app.UploadAsync(tenant, "%PDF-1.4 walk"u8.ToArray(), "a-very-long-file-name-for-the-phone-walk-2026-edition.pdf");
        var (fileProduct, paid) = await app.PaidFileOrderAsync(tenant, file);
        var ids = await app.InTenantAsync(tenant, async sp =>
        {
            var category = (await sp.GetRequiredService<CategoryService>().CreateAsync("Guides and templates", CancellationToken.None)).Value!;
            var products = sp.GetRequiredService<ProductService>();
            var text = Created(await products.CreateAsync(new ProductInput
            {
                Kind = ProductKind.Text,
                Title = "Checklist for a Telegram shop",
                Description = "A text revealed after payment",
                PriceStars = 25,
                TextContent = "https://example.test/a/very/long/link/that/should/wrap/on/a/phone/screen/instead/of/scrolling",
                CategoryId = category.Id,
                State = ProductState.Published,
            }, CancellationToken.None));
            var keys = Created(await products.CreateAsync(new ProductInput
            {
                Kind = ProductKind.LicenseKey,
                Title = "Pro licence",
                Description = "One key per purchase",
                PriceStars = 300,
                State = ProductState.Published,
            }, CancellationToken.None));
            await sp.GetRequiredService<LicenseKeyPool>().AddAsync(keys.Id, ["AAAA-BBBB-CCCC-DDDD", "EEEE-FFFF-GGGG-HHHH"], CancellationToken.None);
            var refunded = await MerchantAppFactory.NewOrderAsync(sp, text, OrderStatus.Refunded, username: "refunded_buyer_with_a_long_name");
            await MerchantAppFactory.NewOrderAsync(sp, keys, OrderStatus.Pending, username: "pending_buyer");
            var db = sp.GetRequiredService<PlatformDbContext>();
            db.Deliveries.Add(new Delivery
            {
                Id = Guid.NewGuid(),
                OrderId = paid.Id,
                Kind = DeliveryKind.Document,
                CreatedAt = DateTimeOffset.UtcNow,
                SentAt = DateTimeOffset.UtcNow,
                TelegramMessageId = 77,
            });
            await db.SaveChangesAsync();

            var seed = new PlanPortalSeed(sp);
            var plan = await seed.ProductAsync(ProductKind.Subscription, "Members' lounge", 450);
            var member = await seed.MembershipAsync(plan, await seed.CustomerAsync("member_with_a_rather_long_username"), createdDaysAgo: 6);
            await seed.LogAsync(member, "granted", "Paid the first month");

            var hooks = sp.GetRequiredService<WebhookEndpointService>();
            var hook = (await hooks.CreateAsync(new WebhookEndpointInput(
                "http://127.0.0.1:9/hooks/starfront/a-long-path-that-must-wrap-on-a-phone", "Back office", null), CancellationToken.None)).Value!.Endpoint;
            await hooks.SendTestEventAsync(hook.Id, CancellationToken.None);
            await sp.GetRequiredService<ApiClientService>().CreateAsync("Warehouse sync", store.OwnerUserId, CancellationToken.None);
            var invite = (await sp.GetRequiredService<Platform.Core.Accounts.TeamService>()
                .InviteAsync($"walk-staff-{suffix}@example.test", MembershipRole.Staff, store.OwnerUserId, CancellationToken.None)).Value!;
            return (text.Id, keys.Id, plan.Id, refunded.Id, hook.Id, invite.Token);
        });

        var adminEmail = $"walk-admin-{suffix}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PlatformAdminService>()
                .EnsureAdminAsync(adminEmail, MerchantAppFactory.Password, CancellationToken.None);
        }

        return new A11yWalkData(tenant, ownerEmail, adminEmail, ids.Item6, fileProduct.Id, ids.Item2, ids.Item1, ids.Item3, paid.Id, ids.Item4, ids.Item5);
    }

    private static Product Created(Platform.Core.Common.Result<Product> result) =>
        result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
}
