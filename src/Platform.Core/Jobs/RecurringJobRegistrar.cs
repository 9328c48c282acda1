using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Platform.Core.Jobs;

/// <summary>
/// On a job server's start, every module's <see cref="RecurringJobEntry"/> goes on Hangfire's schedule — idempotently
/// (AddOrUpdate), so every replica may do it at each start — and the entries' start-up runs are enqueued. Added once, by
/// the job-server wiring (<see cref="JobServerServiceCollectionExtensions.AddPlatformJobServer"/>); a web process
/// without a job server schedules nothing.
/// </summary>
internal sealed class RecurringJobRegistrar(IEnumerable<RecurringJobEntry> entries, IRecurringJobManager recurring, IBackgroundJobClient jobs)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            entry.Schedule(recurring, jobs);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
