using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary>
    /// The inbox both hosts share: the commit signals and the processor and sweep jobs. The ingress writer
    /// (<see cref="InboxWriter"/>) is registered by the web, the only host that receives updates.
    /// </summary>
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddSingleton<InboxSignals>();
        services.AddTransient<InboxProcessor>();
        services.AddTransient<InboxSweep>();
        return services;
    }

    /// <summary>
    /// Where a job server runs (Worker; Web with Jobs:RunServerInWeb): the processors woken by inbox signals and the
    /// recurring sweep. A web process without a job server stores and signals, and never processes.
    /// </summary>
    public static IServiceCollection AddInboxJobs(this IServiceCollection services) =>
        services.AddHostedService<BotJobsStartup>().AddHostedService<InboxProcessorHost>();
}
