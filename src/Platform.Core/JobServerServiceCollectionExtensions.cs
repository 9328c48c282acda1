using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Core.Inbox;
using Platform.Core.Jobs;
using Platform.Core.Webhooks;

namespace Platform.Core;

/// <summary>
/// The job server, wired once for both hosts that run one: Platform.Worker always, the web process when
/// <c>Jobs:RunServerInWeb</c> is set (the local run). Storage comes from
/// <see cref="JobsServiceCollectionExtensions.AddPlatformJobStorage"/>, which a web process needs even without a server.
/// </summary>
public static class JobServerServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire's server (queues and worker count from <see cref="JobServerOptions"/>, <c>Jobs:*</c>), the recurring schedule every module added to
    /// (<see cref="RecurringJobRegistrar"/>), and what only a job server runs: the inbox processors woken by signals and
    /// the webhook pump. <paramref name="serverName"/> null keeps Hangfire's default name.
    /// </summary>
    public static IServiceCollection AddPlatformJobServer(this IServiceCollection services, string? serverName = null)
    {
        services.AddOptions<JobServerOptions>().BindConfiguration(JobServerOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.ServesDefaultQueue(), $"Jobs:Queues must include '{JobServerOptions.DefaultQueue}': every platform job is enqueued there.")
            .ValidateOnStart();
        services.AddHangfireServer((provider, options) =>
        {
            var size = provider.GetRequiredService<IOptions<JobServerOptions>>().Value;
            options.Queues = size.EffectiveQueues();
            if (size.WorkerCount > 0)
            {
                options.WorkerCount = size.WorkerCount;
            }

            if (serverName is not null)
            {
                options.ServerName = serverName;
            }
        });
        services.AddHostedService<RecurringJobRegistrar>();
        services.AddInboxJobs();
        services.AddWebhookJobs();
        return services;
    }
}
