using Platform.Core.Catalog;
using Platform.Core.Orders;
using Platform.Core.Tenancy;
using Platform.Tests.Merchant;

namespace Platform.Tests.Orders;

/// <summary>
/// One store's sales around the dashboard's period edges, relative to the host clock's today (00:00 UTC, <see cref="Today"/>):
/// orders paid exactly at midnight and one second before it, on the first and just before the first day of the 7- and
/// 30-day windows, refunds of orders paid inside and outside the window, a test-mode order and an unpaid one. The
/// expected figures are spelled out in the tests that use it.
/// </summary>
public sealed record StoreDashboardScenario(
    DateTimeOffset Now,
    DateTimeOffset Today,
    Product Guide,
    Product Course,
    Product Tip,
    IReadOnlyList<Order> RecentNewestFirst)
{
    public static async Task<StoreDashboardScenario> SeedAsync(ClockedMerchantAppFactory app, TenantInfo tenant)
    {
        if (app.Clock.GetUtcNow().TimeOfDay < TimeSpan.FromMinutes(2))
        {
            app.Clock.Advance(TimeSpan.FromMinutes(2)); // keep "now" and "today 00:00" apart
        }

        var now = app.Clock.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var seed = new StoreDashboardSeed(app, tenant);
        var shop = await seed.BotAsync("dash_shop_bot");
        var sandbox = await seed.BotAsync("dash_test_bot", testMode: true);
        var ann = await seed.BuyerAsync("ann");
        var bob = await seed.BuyerAsync("bob");
        var cat = await seed.BuyerAsync("cat");
        var guide = await seed.ProductAsync("Guide", 100);
        var course = await seed.ProductAsync("Course", 250);
        var tip = await seed.ProductAsync("Tip", 40);
        var second = TimeSpan.FromSeconds(1);

        var o1 = await seed.OrderAsync(shop, guide, ann, today);                                    // today, at 00:00
        var o2 = await seed.OrderAsync(shop, course, bob, now);                                     // today, now
        var o3 = await seed.OrderAsync(shop, guide, ann, today - second);                           // yesterday 23:59:59
        var o4 = await seed.OrderAsync(shop, course, cat, today.AddDays(-6));                       // first second of the 7 days
        var o5 = await seed.OrderAsync(shop, tip, bob, today.AddDays(-6) - second);                 // just before: 30 days only
        var o6 = await seed.OrderAsync(shop, guide, cat, today.AddDays(-29), today.AddDays(-2));    // first of the 30; refunded 2 days ago
        var o7 = await seed.OrderAsync(shop, course, ann, today.AddDays(-29) - second, today);      // paid before the 30; refunded today
        var test = await seed.OrderAsync(sandbox, guide, ann, today.AddDays(-3));                   // test mode: listed, never counted
        await seed.OrderAsync(shop, course, bob, null);                                             // never paid
        return new StoreDashboardScenario(now, today, guide, course, tip, [o2, o1, o3, test, o4, o5, o6, o7]);
    }
}
