using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Platform.Core.Inbox;

/// <summary>On a job server's start: the sweep becomes recurring and runs once now (picks up work a killed worker left).</summary>
public sealed class BotJobsStartup(IRecurringJobManager recurring, IBackgroundJobClient jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<InboxSweep>(InboxSweep.RecurringJobId, s => s.RunAsync(5, CancellationToken.None), Cron.Minutely);
        jobs.Enqueue<InboxSweep>(s => s.RunAsync(0, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
