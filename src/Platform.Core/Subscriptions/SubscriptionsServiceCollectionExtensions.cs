using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Core.Orders;
using Platform.Core.Jobs;

namespace Platform.Core.Subscriptions;

public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>Plans, memberships, channel access, renewals and the sweep that reminds and expires (docs/subscriptions.md).</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        // Buying, renewals, cancel/resume (H1).
        services.AddScoped<SubscriptionCharges>();
        services.AddScoped<SubscriptionLifecycle>();
        services.AddScoped<MembershipWriter>();
        services.AddScoped<StarSubscriptionCalls>();
        services.AddScoped<IPlanFulfilment, SubscriptionFulfilment>();
        services.TryAddScoped<ChannelAccess>();
        services.AddScoped<ChatAdminCalls>();
        services.AddScoped<ManagedChatDirectory>();
        services.AddScoped<ChannelInvites>();
        services.AddScoped<ChannelAccess>();
        services.AddScoped<JoinRequestGate>();
        services.AddScoped<ChannelLinkMembers>();
        services.AddScoped<ChatMemberTracker>();
        // The sweep (reminders, expiry), member products and the download check.
        services.TryAddScoped<SubscriptionLifecycle>();
        services.AddScoped<ISubscriptionSweepActions, SubscriptionSweepActions>();
        services.AddScoped<DueReminders>();
        services.AddScoped<DueExpiries>();
        services.AddScoped<MemberProducts>();
        services.AddScoped<MemberDownloadCheck>();
        services.AddTransient<SubscriptionSweep>();
        // Claims and conditional expiry make a second or concurrent run harmless.
        services.AddRecurringJob<SubscriptionSweep>(SubscriptionSweep.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), SubscriptionSweep.Schedule);
        services.AddScoped<PlanService>();
        services.AddScoped<SubscriberReader>();
        services.TryAddScoped<SubscriptionLifecycle>(); // the lifecycle's owner registers it too; TryAdd keeps one
        return services;
    }
}
