using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Orders;
using Platform.Core.Tenancy;
using Platform.Tests.Merchant;

namespace Platform.Tests.Orders;

/// <summary>
/// The store dashboard's read side on known rows (<see cref="StoreDashboardScenario"/>): exact figures per period at their
/// UTC-day edges, refunds counted on the day they happened, test-mode orders and another store's orders left out, the
/// 30-day series, recent orders, best sellers and the setup checklist read from the data.
/// </summary>
public sealed class StoreDashboardReaderShould(ClockedMerchantAppFactory app) : IClassFixture<ClockedMerchantAppFactory>
{
    private Task<StoreDashboard> ReadAsync(TenantInfo tenant) =>
        app.InTenantAsync(tenant, sp => sp.GetRequiredService<StoreDashboardReader>().ReadAsync(CancellationToken.None));

    [Fact]
    public async Task Count_paid_minus_refunded_stars_orders_buyers_and_refunds_per_period_at_the_utc_day_edges()
    {
        var (tenant, _) = await app.NewStoreAsync("Figures");
        var (stranger, _) = await app.NewStoreAsync("Stranger");
        var s = await StoreDashboardScenario.SeedAsync(app, tenant);
        var other = new StoreDashboardSeed(app, stranger);
        var strangerProduct = await other.ProductAsync("Foreign", 999);
        await other.OrderAsync(await other.BotAsync("stranger_bot"), strangerProduct, await other.BuyerAsync("zed"), s.Now, s.Now);

        var d = await ReadAsync(tenant);

        Assert.Equal(s.Now, d.ReadAt);
        // (paid Stars, refunded Stars, orders, buyers, refunds)
        Assert.Equal((350L, 250L, 2, 2, 1), Figures(d.Today));
        Assert.Equal(100L, d.Today.EarnedStars);
        Assert.Equal((700L, 350L, 4, 3, 2), Figures(d.Week));
        Assert.Equal(350L, d.Week.EarnedStars);
        Assert.Equal((840L, 350L, 6, 3, 2), Figures(d.Month));
        Assert.Equal(490L, d.Month.EarnedStars);
        Assert.Equal((1, 7, 30), (d.Today.Days, d.Week.Days, d.Month.Days));
    }

    [Fact]
    public async Task Draw_one_day_per_utc_date_for_thirty_days_with_refunds_on_the_day_they_happened()
    {
        var (tenant, _) = await app.NewStoreAsync("Series");
        var s = await StoreDashboardScenario.SeedAsync(app, tenant);

        var days = (await ReadAsync(tenant)).Days;

        var today = DateOnly.FromDateTime(s.Today.UtcDateTime);
        Assert.Equal(StoreDashboardReader.ChartDays, days.Count);
        Assert.Equal(today.AddDays(-29), days[0].Day);
        Assert.Equal(today, days[^1].Day);
        Assert.Equal(new DashboardDay(today, 350, 2, 250, 1), days[29]);
        Assert.Equal(new DashboardDay(today.AddDays(-1), 100, 1, 0, 0), days[28]);
        Assert.Equal(new DashboardDay(today.AddDays(-2), 0, 0, 100, 1), days[27]);
        Assert.Equal(new DashboardDay(today.AddDays(-3), 0, 0, 0, 0), days[26]); // the test-mode sale
        Assert.Equal(new DashboardDay(today.AddDays(-6), 250, 1, 0, 0), days[23]);
        Assert.Equal(new DashboardDay(today.AddDays(-7), 40, 1, 0, 0), days[22]);
        Assert.Equal(new DashboardDay(today.AddDays(-29), 100, 1, 0, 0), days[0]);
        Assert.Equal(840, days.Sum(x => x.PaidStars));
    }

    [Fact]
    public async Task List_recent_paid_orders_newest_first_and_rank_unrefunded_sales_by_stars()
    {
        var (tenant, _) = await app.NewStoreAsync("Lists");
        var s = await StoreDashboardScenario.SeedAsync(app, tenant);

        var d = await ReadAsync(tenant);

        Assert.Equal(s.RecentNewestFirst.Select(o => o.Id), d.RecentOrders.Select(o => o.Id));
        Assert.Equal([false, false, false, true, false, false, false, false], d.RecentOrders.Select(o => o.IsTest));
        Assert.Equal("@bob", d.RecentOrders[0].Buyer);
        Assert.Equal(OrderStatus.Refunded, d.RecentOrders[^1].Status);
        Assert.Equal(
            [(s.Course.Id, "Course", 500L, 2), (s.Guide.Id, "Guide", 200L, 2), (s.Tip.Id, "Tip", 40L, 1)],
            d.TopProducts.Select(t => (t.ProductId, t.Title, t.Stars, t.Orders)));
    }

    [Fact]
    public async Task Tick_each_setup_step_from_the_data_and_count_test_purchases_but_not_test_bots()
    {
        var (tenant, _) = await app.NewStoreAsync("Checklist");
        var seed = new StoreDashboardSeed(app, tenant);
        Assert.Equal(new SetupChecklist(false, false, false, false), (await ReadAsync(tenant)).Checklist);

        var sandbox = await seed.BotAsync("only_test_bot", testMode: true);
        var draft = await seed.ProductAsync("Draft", 10, ProductState.Draft);
        var afterDraft = (await ReadAsync(tenant)).Checklist;
        Assert.Equal(new SetupChecklist(false, true, false, false), afterDraft);
        Assert.Equal(1, afterDraft.Done);

        await seed.ProductAsync("Live", 10);
        await seed.OrderAsync(sandbox, draft, await seed.BuyerAsync("tester"), app.Clock.GetUtcNow());
        Assert.Equal(new SetupChecklist(false, true, true, true), (await ReadAsync(tenant)).Checklist);

        await seed.BotAsync("real_shop_bot");
        var done = (await ReadAsync(tenant)).Checklist;
        Assert.True(done.Complete);
        Assert.Equal(SetupChecklist.Steps, done.Done);
    }

    private static (long, long, int, int, int) Figures(DashboardPeriod p) => (p.PaidStars, p.RefundedStars, p.Orders, p.Buyers, p.Refunds);
}
