using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Core.Jobs;

namespace Platform.Core.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>Endpoint management, dispatch and sending; needs Hangfire storage for the dispatcher's enqueues.</summary>
    public static IServiceCollection AddPlatformWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.AllowedPrivateNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "Webhooks:AllowedPrivateNetworks must hold CIDRs such as 10.0.0.0/8.")
            .Validate(o => o.ClaimLease > o.RequestTimeout, "Webhooks:ClaimLease must exceed Webhooks:RequestTimeout.")
            .Validate(o => o.PumpInterval > TimeSpan.Zero && o.BackstopInterval > TimeSpan.Zero && o.SenderPollInterval > TimeSpan.Zero,
                "Webhooks:PumpInterval, Webhooks:BackstopInterval and Webhooks:SenderPollInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<WebhookAddressPolicy>();
        services.AddSingleton<WebhookUrlValidator>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookTransport>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookSenderSignals>();
        services.AddSingleton<WebhookRetention>();
        // One each for all tenants, fanning out per tenant.
        services.AddRecurringJob<WebhookDispatcher>(WebhookDispatcher.RecurringJobId, d => d.SweepAsync(CancellationToken.None), Cron.Minutely());
        services.AddRecurringJob<WebhookRetention>(WebhookRetention.RecurringJobId, r => r.FanOutAsync(CancellationToken.None), Cron.Hourly());
        services.AddScoped<WebhookEndpointService>();
        services.AddScoped<WebhookDeliveryService>();
        return services;
    }

    /// <summary>
    /// For hosts that run a Hangfire server (<see cref="JobServerServiceCollectionExtensions.AddPlatformJobServer"/>): the
    /// outbox listener, the notified passes with their in-process senders, and the pump loop (the backstop).
    /// </summary>
    public static IServiceCollection AddWebhookJobs(this IServiceCollection services)
    {
        services.AddSingleton<WebhookLocalSenders>();
        services.AddSingleton<WebhookWakeups>();
        services.AddSingleton<WebhookWakeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookWakeListener>());
        return services.AddHostedService<WebhookPump>();
    }
}
