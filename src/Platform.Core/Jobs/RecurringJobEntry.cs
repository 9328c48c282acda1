using System.Linq.Expressions;
using Hangfire;

namespace Platform.Core.Jobs;

/// <summary>
/// One recurring job as data: a module adds it (<see cref="JobsServiceCollectionExtensions.AddRecurringJob{TJob}"/>)
/// next to the job's own registration, and <see cref="RecurringJobRegistrar"/> — started only where a job server runs —
/// puts every entry on Hangfire's schedule. Instead of a start-up service per module, one list and one registrar.
/// </summary>
public sealed class RecurringJobEntry
{
    private readonly Action<IRecurringJobManager> schedule;
    private readonly Action<IBackgroundJobClient>? runOnStart;

    private RecurringJobEntry(string id, string cron, Action<IRecurringJobManager> schedule, Action<IBackgroundJobClient>? runOnStart)
    {
        Id = id;
        Cron = cron;
        this.schedule = schedule;
        this.runOnStart = runOnStart;
    }

    /// <summary>Hangfire's recurring job id (stable: changing it leaves the old schedule behind).</summary>
    public string Id { get; }

    public string Cron { get; }

    /// <summary>
    /// <paramref name="call"/> on <paramref name="cron"/>; <paramref name="onServerStart"/>, when given, is enqueued once
    /// each time a job server starts (e.g. a sweep that takes what a killed worker left, without waiting for the schedule).
    /// </summary>
    public static RecurringJobEntry For<TJob>(
        string id, Expression<Func<TJob, Task>> call, string cron, Expression<Func<TJob, Task>>? onServerStart = null) =>
        new(id, cron, manager => manager.AddOrUpdate(id, call, cron),
            onServerStart is null ? null : jobs => jobs.Enqueue(onServerStart));

    internal void Schedule(IRecurringJobManager manager, IBackgroundJobClient jobs)
    {
        schedule(manager);
        runOnStart?.Invoke(jobs);
    }
}
