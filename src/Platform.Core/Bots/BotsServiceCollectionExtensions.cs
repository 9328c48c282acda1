using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Jobs;

namespace Platform.Core.Bots;

public static class BotsServiceCollectionExtensions
{
    /// <summary>
    /// Registration: a store's bots, their secrets, the route cache ingress reads, and the Telegram settings and clients
    /// every bot module shares. The hooks it calls (<see cref="IBotCommandMenu"/>, <see cref="IBotUsage"/>) are
    /// registered by the modules that own them (Conversation, Orders).
    /// </summary>
    public static IServiceCollection AddBotRegistration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection("Telegram"))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Telegram:BaseUrl must be an absolute URL.")
            .Validate(o => o.PerBotMessagesPerSecond > 0 && o.PerChatMessagesPerSecond > 0, "Telegram message rates must be positive.")
            .Validate(o => o.PerBotBurst >= 1 && o.PerChatBurst >= 1, "Telegram:PerBotBurst and Telegram:PerChatBurst must be at least 1.")
            .Validate(o => o.ProcessorChatParallelism is >= 1 and <= 256, "Telegram:ProcessorChatParallelism must be between 1 and 256.")
            .Validate(o => o.ProcessorMaxConcurrentUpdates is >= 0 and <= 1024,
                "Telegram:ProcessorMaxConcurrentUpdates must be between 0 (three per core) and 1024.")
            .Validate(o => o.PreCheckoutMaxConcurrency is >= 0 and <= 1024, "Telegram:PreCheckoutMaxConcurrency must be between 0 (two per core) and 1024.")
            .Validate(o => o.ProcessorPollInterval > TimeSpan.Zero, "Telegram:ProcessorPollInterval must be positive.")
            .Validate(o => o.ProcessorMaxBotsAtOnce is >= 1 and <= 1024, "Telegram:ProcessorMaxBotsAtOnce must be between 1 and 1024.")
            .ValidateOnStart();
        services.AddSingleton<BotSecrets>();
        services.AddSingleton<TelegramClientFactory>();
        services.AddSingleton<BotDirectory>();
        services.AddScoped<BotRegistrationService>();
        services.AddTransient<BotWebhookRefreshJob>();
        services.AddRecurringJob<BotWebhookRefreshJob>(BotWebhookRefreshJob.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), "23 4 * * *",
            onServerStart: j => j.FanOutAsync(CancellationToken.None));
        return services;
    }
}
