using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Jobs;
using Platform.Core.Orders;
using Platform.Core.Payments;

namespace Platform.Core.Bots;

public static class BotsServiceCollectionExtensions
{
    /// <summary>The bot runtime both hosts share: registration, conversation, checkout, fulfilment, refunds.</summary>
    public static IServiceCollection AddBotRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection("Telegram"))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Telegram:BaseUrl must be an absolute URL.")
            .Validate(o => o.PerBotMessagesPerSecond > 0 && o.PerChatMessagesPerSecond > 0, "Telegram message rates must be positive.")
            .Validate(o => o.PerBotBurst >= 1 && o.PerChatBurst >= 1, "Telegram:PerBotBurst and Telegram:PerChatBurst must be at least 1.")
            .Validate(o => o.ProcessorChatParallelism is >= 1 and <= 256, "Telegram:ProcessorChatParallelism must be between 1 and 256.")
            .Validate(o => o.ProcessorMaxConcurrentUpdates is >= 0 and <= 1024, "Telegram:ProcessorMaxConcurrentUpdates must be between 0 (three per core) and 1024.")
            .Validate(o => o.PreCheckoutMaxConcurrency is >= 0 and <= 1024, "Telegram:PreCheckoutMaxConcurrency must be between 0 (two per core) and 1024.")
            .Validate(o => o.ProcessorPollInterval > TimeSpan.Zero, "Telegram:ProcessorPollInterval must be positive.")
            .Validate(o => o.ProcessorMaxBotsAtOnce is >= 1 and <= 1024, "Telegram:ProcessorMaxBotsAtOnce must be between 1 and 1024.")
            .ValidateOnStart();
        services.AddSingleton<BotSecrets>();
        services.AddSingleton<TelegramClientFactory>();
        services.AddSingleton<BotDirectory>();
        services.AddSingleton<BotSender>();
        services.AddSingleton<ProcessorThrottle>();
        services.AddSingleton<BotDataSource>();
        services.AddSingleton<BotFileSource>();
        services.AddSingleton<InboxSignals>();
        services.AddSingleton<PreCheckoutAnswerer>();
        services.AddScoped<BotRegistrationService>();
        services.AddScoped<BotChatFactory>();
        services.AddScoped<BotFileSender>();
        services.AddScoped<BotPhotoSender>();
        services.AddScoped<CatalogView>();
        services.AddScoped<BotUpdateHandler>();
        services.AddScoped<CustomerDirectory>();
        services.AddScoped<CheckoutService>();
        services.AddSingleton<PreCheckoutService>();
        services.AddScoped<PaymentRecorder>();
        services.AddScoped<RefundService>();
        services.AddScoped<DownloadLinks>();
        services.AddScoped<FulfilmentService>();
        services.AddScoped<OrderHistoryView>();
        services.AddTransient<InboxProcessor>();
        services.AddTransient<InboxSweep>();
        // Every minute, and once when a job server starts (minimum age 0: whatever a killed worker left).
        services.AddRecurringJob<InboxSweep>(InboxSweep.RecurringJobId, s => s.RunAsync(5, CancellationToken.None), Cron.Minutely(),
            onServerStart: s => s.RunAsync(0, CancellationToken.None));
        services.AddTransient<FulfilOrderJob>();
        services.AddTransient<RefundNotifier>();
        services.AddTransient<DuplicateChargeRefundJob>();
        return services;
    }

    /// <summary>
    /// Where a job server runs (<see cref="JobServerServiceCollectionExtensions.AddPlatformJobServer"/>): the processors
    /// woken by inbox signals. A web process without a job server stores and signals, and never processes.
    /// </summary>
    public static IServiceCollection AddBotJobs(this IServiceCollection services) => services.AddHostedService<InboxProcessorHost>();
}
