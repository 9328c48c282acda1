using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Core.Subscriptions;

public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>Plans, memberships, channel access, renewals and the sweep that reminds and expires (docs/subscriptions.md).</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddScoped<PlanService>();
        services.AddScoped<SubscriberReader>();
        services.TryAddScoped<SubscriptionLifecycle>(); // the lifecycle's owner registers it too; TryAdd keeps one
        return services;
    }
}
