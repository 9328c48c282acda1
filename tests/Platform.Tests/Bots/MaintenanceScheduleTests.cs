using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Identity;
using Platform.Core.Inbox;
using Platform.Core.Orders;
using Platform.Core.Webhooks;

namespace Platform.Tests.Bots;

/// <summary>Wherever a job server runs, the clean-up jobs are on its recurring schedule (registered again by every start, harmlessly).</summary>
[Collection(BotTests.Collection)]
public sealed class MaintenanceScheduleTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Fact]
    public void A_job_server_schedules_order_abandonment_key_release_and_token_pruning()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var scheduled = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);

        Assert.Equal(Cron.Hourly(), scheduled[OrderAbandonmentJob.RecurringJobId]);
        Assert.Equal("*/10 * * * *", scheduled[KeyReservationReleaseJob.RecurringJobId]);
        Assert.Equal(Cron.Daily(), scheduled[IdentityTokenPruningJob.RecurringJobId]);
    }

    [Fact]
    public void A_job_server_schedules_the_recurring_jobs_every_module_added()
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var scheduled = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);

        Assert.Equal(Cron.Minutely(), scheduled[InboxSweep.RecurringJobId]);
        Assert.Equal(Cron.Minutely(), scheduled[WebhookDispatcher.RecurringJobId]);
        Assert.Equal(Cron.Hourly(), scheduled[WebhookRetention.RecurringJobId]);
    }
}
