using Hangfire;
using Microsoft.Extensions.DependencyInjection;
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
    /// Hangfire's server (default queue and worker count), the recurring schedule every module added to
    /// (<see cref="RecurringJobRegistrar"/>), and what only a job server runs: the inbox processors woken by signals and
    /// the webhook pump. <paramref name="serverName"/> null keeps Hangfire's default name.
    /// </summary>
    public static IServiceCollection AddPlatformJobServer(this IServiceCollection services, string? serverName = null)
    {
        services.AddHangfireServer(options =>
        {
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
