using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;

namespace Platform.Core.Orders;

public static class OrdersServiceCollectionExtensions
{
    /// <summary>Orders, their customers and deliveries: reading them, fulfilling them, and their jobs.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddScoped<OrderReader>();
        services.AddScoped<CustomerDirectory>();
        services.AddScoped<DownloadLinks>();
        services.AddScoped<FulfilmentService>();
        services.AddScoped<IBotUsage, OrderBotUsage>();
        services.AddTransient<FulfilOrderJob>();
        services.AddTransient<OrderAbandonmentJob>();
        return services;
    }
}
