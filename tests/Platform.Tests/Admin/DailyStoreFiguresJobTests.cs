using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Administration;
using Platform.Core.Jobs;
using Platform.Tests.Ledger;

namespace Platform.Tests.Admin;

/// <summary>
/// The minute rollup behind the dashboard's sales (<see cref="DailyStoreFiguresJob"/>): a payment written to the ledger
/// reaches the figures once the job has run, a rerun leaves the same rows, and the job is on Hangfire's minute schedule.
/// </summary>
public sealed class DailyStoreFiguresJobTests(LedgerAppFactory app) : IClassFixture<LedgerAppFactory>
{
    private Task<PlatformFigures> ReadAsync(PlatformFiguresPeriod period) => InScopeAsync(sp => sp.GetRequiredService<PlatformFiguresReader>()
        .ReadAsync(period, CancellationToken.None));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>One pass of the minute job, a second after the last (as on the schedule).</summary>
    private Task<int> RunJobAsync()
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        return InScopeAsync(sp => sp.GetRequiredService<DailyStoreFiguresJob>().RebuildRecentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_payment_shows_up_after_the_rollup_job_runs_and_rebuilding_twice_gives_the_same_rows()
    {
        var now = app.Clock.GetUtcNow();
        var (store, bot) = await DashboardTestData.StoreWithBotAsync(app, "Rollup", "rollup_bot");
        await RunJobAsync();
        var before = await ReadAsync(PlatformFiguresPeriod.Day);
        Assert.DoesNotContain(before.TopStores, s => s.TenantId == store.Id);

        await app.WriteAsync(store, l => [l.SaleCredit(bot.Id, "r1", 77, null, renewal: false, now.AddMinutes(-1))]);
        var unchanged = await ReadAsync(PlatformFiguresPeriod.Day);
        Assert.Equal(before.GrossStars, unchanged.GrossStars);
        await RunJobAsync();
        var after = await ReadAsync(PlatformFiguresPeriod.Day);
        Assert.Equal(before.GrossStars + 77, after.GrossStars);
        Assert.Equal(before.Sales + 1, after.Sales);
        Assert.Contains(after.TopStores, s => s.TenantId == store.Id && s.GrossStars == 77 && s.Sales == 1);

        var once = await DashboardTestData.FiguresRowsAsync(app);
        await RunJobAsync();
        await RunJobAsync();
        Assert.Equal(once, await DashboardTestData.FiguresRowsAsync(app));
    }

    [Fact]
    public void The_rollup_job_is_on_the_minute_schedule()
    {
        var entry = app.Services.GetServices<RecurringJobEntry>().Single(e => e.Id == DailyStoreFiguresJob.RecurringJobId);
        Assert.Equal(Hangfire.Cron.Minutely(), entry.Cron);
    }
}
