using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Bots;

namespace Platform.Core.Outbound;

public static class OutboundServiceCollectionExtensions
{
    /// <summary>
    /// Everything sent to Telegram for a buyer: the sender with its rate gates (the bot-wide one shared through
    /// PostgreSQL) and the one 429 retry layer, the per-process handler throttle it gives places back to, chats, files
    /// and photos, and token-based calls.
    /// </summary>
    public static IServiceCollection AddOutbound(this IServiceCollection services)
    {
        services.AddSingleton<SharedSendGate>();
        services.AddSingleton(sp => new BotSender(sp.GetRequiredService<IOptions<TelegramOptions>>(), sp.GetRequiredService<ProcessorThrottle>(),
            sp.GetRequiredService<SharedSendGate>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BotSender>>()));
        services.AddSingleton<ProcessorThrottle>();
        services.AddSingleton<BotFileSource>();
        services.AddSingleton<BotCalls>();
        services.AddScoped<BotChatFactory>();
        services.AddScoped<BotFileSender>();
        services.AddScoped<BotPhotoSender>();
        return services;
    }
}
