using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Administration;
using Platform.Core.Bots;
using Platform.Core.Webhooks;
using Platform.Tests.Ledger;

namespace Platform.Tests.Admin;

/// <summary>
/// The dashboard's figures on known data across three stores (its own database: the figures are platform-wide): sales,
/// refunds and the top stores per period from the rollup, Stars on hold and withdrawable by the ledger's rule,
/// subscriptions, webhooks, failing bots, mismatches; and the minute rollup job itself.
/// </summary>
public sealed class PlatformFiguresReaderTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private Task<PlatformFigures> ReadAsync(PlatformFiguresPeriod period) => InScopeAsync(sp => sp.GetRequiredService<PlatformFiguresReader>()
        .ReadAsync(period, CancellationToken.None));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task Figures_sum_every_store_per_period_and_follow_the_ledger_rule_for_stars_on_hold()
    {
        var now = app.Clock.GetUtcNow();
        var (a, botA) = await DashboardTestData.StoreWithBotAsync(app, "Alpha", "alpha_bot");
        var (b, botB) = await DashboardTestData.StoreWithBotAsync(app, "Beta", "beta_bot", BotStatus.Broken, "Unauthorized");
        var (c, botC) = await DashboardTestData.StoreWithBotAsync(app, "Gamma", "gamma_bot", lastError: "Webhook not set");
        await app.WriteAsync(a, l =>
        [
            l.SaleCredit(botA.Id, "a1", 1000, null, renewal: false, now.AddDays(-25)),
            l.SaleCredit(botA.Id, "a2", 300, null, renewal: false, now.AddDays(-10)),
            l.SaleCredit(botA.Id, "a3", 200, null, renewal: false, now.AddDays(-3)),
            l.RefundDebit(botA.Id, "a3", 200, null, now.AddDays(-2)),
            l.SaleCredit(botA.Id, "a4", 100, null, renewal: true, now),
        ]);
        await app.WriteAsync(b, l => [l.SaleCredit(botB.Id, "b1", 50, null, renewal: false, now.AddDays(-1))]);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await InScopeAsync(sp => sp.GetRequiredService<DailyStoreFiguresRollup>().RebuildAsync(today.AddDays(-40), today, CancellationToken.None));
        await DashboardTestData.SubscriptionAsync(app, a, botA.Id, "Active", 150, now);
        await DashboardTestData.SubscriptionAsync(app, c, botC.Id, "Active", 250, now);
        await DashboardTestData.SubscriptionAsync(app, c, botC.Id, "Canceled", 99, now);
        var failing = await DashboardTestData.EndpointAsync(app, a, now.AddHours(-5), now);
        await DashboardTestData.EndpointAsync(app, c, null, now);
        await DashboardTestData.DeliveryAsync(app, a, failing, (int)WebhookDeliveryStatus.Pending, 2, (500, now.AddHours(-2)), (null, now.AddHours(-1)));
        await DashboardTestData.DeliveryAsync(app, a, failing, (int)WebhookDeliveryStatus.Pending, 0);
        await DashboardTestData.DeliveryAsync(app, a, failing, (int)WebhookDeliveryStatus.Succeeded, 1, (200, now.AddDays(-3)));
        await DashboardTestData.DeliveryAsync(app, a, failing, (int)WebhookDeliveryStatus.Succeeded, 1, (204, now.AddDays(-10)));
        await DashboardTestData.SqlAsync(app, """UPDATE "Tenants" SET "Status" = 'Suspended' WHERE "Id" = $1""", c.Id);
        await DashboardTestData.SqlAsync(app, """
            INSERT INTO "LedgerMismatches" ("Id", "TenantId", "BotId", "Kind", "Reference", "DetectedAt") VALUES ($1, $2, $3, 'BalanceDiffers', 'balance', $4)
            """, Guid.NewGuid(), b.Id, botB.Id, now);

        var week = await ReadAsync(PlatformFiguresPeriod.Week);
        Assert.Equal((today.AddDays(-6), today, 7), (week.FromDay, week.ToDay, week.Days.Count));
        Assert.Equal((3, 3, 2, 1), (week.Stores, week.NewStores, week.StoresWithActiveBot, week.SuspendedStores));
        Assert.Equal((3L, 350L, 1L, 200L), (week.Sales, week.GrossStars, week.Refunds, week.RefundedStars));
        Assert.Equal(1m / 3, week.RefundRate);
        Assert.Equal("200 0 50 100", string.Join(" ", week.Days.Skip(3).Select(d => d.GrossStars)));
        Assert.Equal(200L, week.Days.Single(d => d.Day == today.AddDays(-2)).RefundedStars);
        Assert.Equal(new[] { (a.Id, 300L, 2L, 200L), (b.Id, 50L, 1L, 0L) }, week.TopStores.Select(s => (s.TenantId, s.GrossStars, s.Sales, s.RefundedStars)));
        Assert.Equal((2, 400L), (week.ActiveSubscriptions, week.MonthlyRecurringStars));
        // a1 (1,000) is released, a2–a4 and b1 are held; the refund takes released Stars first: withdrawable 800, on hold 600 + 50.
        Assert.Equal((650m, 800m), (week.Balance.OnHoldStars, week.Balance.WithdrawableStars));
        Assert.Equal((3L, 1L), (week.WebhookAttempts, week.WebhookAttemptsSucceeded));
        Assert.Equal((2L, 1L, 1), (week.WebhookBacklog, week.WebhookRetrying, week.FailingEndpoints));
        Assert.Equal((1, 2), (week.OpenMismatches, week.FailingBotCount));
        Assert.Equal("beta_bot gamma_bot", string.Join(" ", week.FailingBots.Select(x => x.Username)));
        Assert.True(week.FailingBots[0].Broken);
        Assert.NotNull(week.Jobs);

        var day = await ReadAsync(PlatformFiguresPeriod.Day);
        Assert.Equal((today.AddDays(-1), 2L, 150L, 0L, 2L), (day.FromDay, day.Sales, day.GrossStars, day.Refunds, day.WebhookAttempts));
        var month = await ReadAsync(PlatformFiguresPeriod.Month);
        Assert.Equal((30, 5L, 1650L, 1L, 4L), (month.Days.Count, month.Sales, month.GrossStars, month.Refunds, month.WebhookAttempts));
        Assert.Equal(1600L, month.TopStores[0].GrossStars);
    }
}
