using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Jobs;

namespace Platform.Core.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary>
    /// The inbox both hosts share: the commit signals, the processor and sweep jobs, and the sweep's schedule. The
    /// ingress writer (<see cref="InboxWriter"/>) is registered by the web, the only host that receives updates.
    /// </summary>
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddSingleton<InboxSignals>();
        services.AddTransient<InboxProcessor>();
        services.AddTransient<InboxSweep>();
        // The backlog gauge (docs/observability.md): read only when a metrics provider collects.
        services.AddHostedService<InboxBacklogGauge>();
        // Every minute, and once when a job server starts (minimum age 0: whatever a killed worker left).
        services.AddRecurringJob<InboxSweep>(InboxSweep.RecurringJobId, s => s.RunAsync(5, CancellationToken.None), Cron.Minutely(),
            onServerStart: s => s.RunAsync(0, CancellationToken.None));
        return services;
    }

    /// <summary>
    /// Where a job server runs (<see cref="JobServerServiceCollectionExtensions.AddPlatformJobServer"/>): the processors
    /// woken by inbox signals. A web process without a job server stores and signals, and never processes.
    /// </summary>
    public static IServiceCollection AddInboxJobs(this IServiceCollection services) => services.AddHostedService<InboxProcessorHost>();
}
