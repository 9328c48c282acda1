using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Jobs;

namespace Platform.Core.Orders;

public static class OrdersServiceCollectionExtensions
{
    /// <summary>Orders, their customers and deliveries: reading them, fulfilling them, and their jobs.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddScoped<OrderReader>();
        services.AddScoped<StoreDashboardReader>();
        services.AddScoped<OrderActions>();
        services.AddScoped<CustomerDirectory>();
        services.AddScoped<DownloadLinks>();
        services.AddScoped<FulfilmentService>();
        services.AddScoped<IBotUsage, OrderBotUsage>();
        services.AddTransient<FulfilOrderJob>();
        services.AddTransient<OrderAbandonmentJob>();
        // Each abandonment is one conditional statement, so running twice or concurrently is safe.
        services.AddRecurringJob<OrderAbandonmentJob>(OrderAbandonmentJob.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), Cron.Hourly());
        return services;
    }
}
