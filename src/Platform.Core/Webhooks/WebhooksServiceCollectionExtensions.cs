using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
            .ValidateOnStart();
        services.AddSingleton<WebhookAddressPolicy>();
        services.AddSingleton<WebhookUrlValidator>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookTransport>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookRetention>();
        services.AddScoped<WebhookEndpointService>();
        services.AddScoped<WebhookDeliveryService>();
        return services;
    }

    /// <summary>For hosts that run a Hangfire server: the pump loop and the one recurring sweep.</summary>
    public static IServiceCollection AddWebhookJobs(this IServiceCollection services)
    {
        services.AddHostedService<WebhookPump>();
        services.AddHostedService<WebhookRecurringJobRegistration>();
        return services;
    }
}
