using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Subscriptions;
using Platform.Tests.Merchant;

namespace Platform.Tests.Subscriptions;

/// <summary>The Subscriptions page's figures, series and list on memberships inserted directly with known dates.</summary>
public sealed class SubscriberFiguresTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    [Fact]
    public async Task Plan_figures_count_access_revenue_churn_and_renewals_as_documented()
    {
        var (tenant, _) = await app.NewStoreAsync("Figures");
        var (planA, planB) = await app.InTenantAsync(tenant, async sp =>
        {
            var seed = new PlanPortalSeed(sp);
            var a = await seed.ProductAsync(ProductKind.Subscription, "Club", 100);
            var b = await seed.ProductAsync(ProductKind.Subscription, "Inner circle", 250);
            await seed.MembershipAsync(a, await seed.CustomerAsync("renewing_soon"), createdDaysAgo: 40, periodEndsInDays: 3);
            await seed.MembershipAsync(a, await seed.CustomerAsync("churned"), createdDaysAgo: 35, expiredDaysAgo: 10);
            await seed.MembershipAsync(a, await seed.CustomerAsync("newcomer"), createdDaysAgo: 5);
            await seed.MembershipAsync(a, await seed.CustomerAsync("friend"), createdDaysAgo: 2, source: SubscriptionSource.Complimentary);
            await seed.MembershipAsync(a, await seed.CustomerAsync("leaving"), createdDaysAgo: 50, status: SubscriptionStatus.Canceled, periodEndsInDays: 5);
            return (a, b);
        });

        var figures = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<SubscriberReader>().FiguresAsync(CancellationToken.None));

        var a = Assert.Single(figures, f => f.PlanId == planA.Id);
        Assert.Equal(4, a.Active); // active, active, complimentary, canceled (until its period end)
        Assert.Equal(200, a.MonthlyStars); // the two renewing Stars memberships
        Assert.Equal(1, a.ExpiredLast30Days);
        Assert.Equal(3, a.ActiveAt30DaysAgo);
        Assert.Equal(1.0 / 3, a.Churn!.Value, 6);
        Assert.Equal(1, a.RenewingNext7Days);
        var b = Assert.Single(figures, f => f.PlanId == planB.Id);
        Assert.Equal((0, 0L, 0), (b.Active, b.MonthlyStars, b.RenewingNext7Days));
        Assert.Null(b.Churn);
    }

    [Fact]
    public async Task The_active_series_has_one_point_per_day_for_30_days_counted_from_created_and_expired_dates()
    {
        var (tenant, _) = await app.NewStoreAsync("Series");
        await app.InTenantAsync(tenant, async sp =>
        {
            var seed = new PlanPortalSeed(sp);
            var plan = await seed.ProductAsync(ProductKind.Subscription, "Club");
            await seed.MembershipAsync(plan, await seed.CustomerAsync("old"), createdDaysAgo: 60);
            await seed.MembershipAsync(plan, await seed.CustomerAsync("gone"), createdDaysAgo: 45, expiredDaysAgo: 10);
            await seed.MembershipAsync(plan, await seed.CustomerAsync("new"), createdDaysAgo: 5);
            return plan;
        });

        var series = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<SubscriberReader>().ActiveSeriesAsync(CancellationToken.None));

        Assert.Equal(SubscriberReader.ChartDays, series.Count);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), series[^1].Day);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => series[0].Day.AddDays(i)), series.Select(p => p.Day));
        Assert.Equal(2, series[0].Active); // old and gone
        Assert.Equal(2, series[^16].Active); // 15 days ago: still old and gone
        Assert.Equal(2, series[^1].Active); // today: old and new
        Assert.Equal(1, series[^8].Active); // a week ago: gone has expired, new not yet come
    }

    [Fact]
    public async Task Subscribers_are_filtered_by_status_and_found_by_username_name_or_telegram_id()
    {
        var (tenant, _) = await app.NewStoreAsync("Search");
        var ids = await app.InTenantAsync(tenant, async sp =>
        {
            var seed = new PlanPortalSeed(sp);
            var plan = await seed.ProductAsync(ProductKind.Subscription, "Club");
            var anna = await seed.CustomerAsync("anna_reads", "Anna");
            await seed.MembershipAsync(plan, anna, createdDaysAgo: 3);
            await seed.MembershipAsync(plan, await seed.CustomerAsync("bob_50%", "Bob"), createdDaysAgo: 4, expiredDaysAgo: 1);
            await seed.MembershipAsync(plan, await seed.CustomerAsync("carol", "Carol"), createdDaysAgo: 6, status: SubscriptionStatus.Canceled);
            return anna.TelegramUserId;
        });

        Task<SubscriberPage> ListAsync(SubscriberFilter filter) =>
            app.InTenantAsync(tenant, sp => sp.GetRequiredService<SubscriberReader>().ListAsync(filter, CancellationToken.None));

        Assert.Equal(3, (await ListAsync(new SubscriberFilter())).TotalCount);
        Assert.Equal("anna_reads", Assert.Single((await ListAsync(new SubscriberFilter(SubscriptionStatus.Active))).Items).Username);
        Assert.Equal("carol", Assert.Single((await ListAsync(new SubscriberFilter(SubscriptionStatus.Canceled))).Items).Username);
        Assert.Equal("Bob", Assert.Single((await ListAsync(new SubscriberFilter(SubscriptionStatus.Expired))).Items).FirstName);
        var byId = await ListAsync(new SubscriberFilter(Search: ids.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("anna_reads", Assert.Single(byId.Items).Username);
        Assert.Equal("anna_reads", Assert.Single((await ListAsync(new SubscriberFilter(Search: "@ANNA"))).Items).Username);
        Assert.Equal("Carol", Assert.Single((await ListAsync(new SubscriberFilter(Search: "aro"))).Items).FirstName);
        Assert.Equal("Bob", Assert.Single((await ListAsync(new SubscriberFilter(Search: "50%"))).Items).FirstName);
        Assert.DoesNotContain((await ListAsync(new SubscriberFilter(Search: "%"))).Items, r => r.FirstName != "Bob");
        var paged = await ListAsync(new SubscriberFilter(PageSize: 2));
        Assert.Equal((2, true), (paged.Items.Count, paged.HasNext));
    }
}
