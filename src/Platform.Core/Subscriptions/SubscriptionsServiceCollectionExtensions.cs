using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Jobs;
using Platform.Core.Orders;

namespace Platform.Core.Subscriptions;

public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>Plans, memberships, channel access, renewals and the sweep that reminds and expires (docs/subscriptions.md).</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        // Plans (portal and API) and what the portal reads.
        services.AddScoped<PlanService>();
        services.AddScoped<SubscriberReader>();
        // Charges and every status change after them.
        services.AddScoped<SubscriptionCharges>();
        services.AddScoped<SubscriptionLifecycle>();
        services.AddScoped<MembershipWriter>();
        services.AddScoped<StarSubscriptionCalls>();
        services.AddScoped<IPlanFulfilment, SubscriptionFulfilment>();
        services.AddTransient<SubscriptionAccessJob>();
        // Channel access: chats the bots manage, links, join requests, chat_member tracking.
        services.AddScoped<ChatAdminCalls>();
        services.AddScoped<ManagedChatDirectory>();
        services.AddScoped<ChannelInvites>();
        services.AddScoped<ChannelAccess>();
        services.AddScoped<JoinRequestGate>();
        services.AddScoped<ChannelLinkMembers>();
        services.AddScoped<ChatMemberTracker>();
        // Member products and the download check.
        services.AddScoped<MemberProducts>();
        services.AddScoped<MemberDownloadCheck>();
        // The sweep: claims and conditional expiry make a second or concurrent run harmless.
        services.AddScoped<ISubscriptionSweepActions, SubscriptionSweepActions>();
        services.AddScoped<DueReminders>();
        services.AddScoped<DueExpiries>();
        services.AddTransient<SubscriptionSweep>();
        services.AddRecurringJob<SubscriptionSweep>(SubscriptionSweep.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), SubscriptionSweep.Schedule);
        return services;
    }
}
