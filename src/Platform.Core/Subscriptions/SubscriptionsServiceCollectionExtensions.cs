using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Subscriptions;

public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>Plans, memberships, channel access, renewals and the sweep that reminds and expires (docs/subscriptions.md).</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddScoped<ChatAdminCalls>();
        services.AddScoped<ManagedChatDirectory>();
        services.AddScoped<ChannelInvites>();
        services.AddScoped<ChannelAccess>();
        services.AddScoped<JoinRequestGate>();
        services.AddScoped<ChannelLinkMembers>();
        services.AddScoped<ChatMemberTracker>();
        return services;
    }
}
