using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;

namespace Platform.Core.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>The screens a buyer sees and the router that picks them, and the command menu registration applies.</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<IBotCommandMenu, BotCommandsSetup>();
        services.AddScoped<CatalogView>();
        services.AddScoped<OrderHistoryView>();
        services.AddScoped<SubscriptionsView>();
        services.AddScoped<OwnerLinkReply>();
        services.AddScoped<BotUpdateHandler>();
        return services;
    }
}
