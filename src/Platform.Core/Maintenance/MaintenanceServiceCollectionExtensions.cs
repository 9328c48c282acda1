using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Maintenance;

/// <summary>The clean-up settings the Orders and Identity jobs read (their schedules live with the jobs' modules).</summary>
public static class MaintenanceServiceCollectionExtensions
{
    public static IServiceCollection AddMaintenance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MaintenanceOptions>().Bind(configuration.GetSection("Maintenance"))
            .Validate(
                o => o.AbandonPendingOrdersAfter >= TimeSpan.FromHours(1),
                "Maintenance:AbandonPendingOrdersAfter must be at least 01:00:00 (an invoice may be paid minutes after it is sent).")
            .Validate(o => o.PruneIdentityTokensAfter >= TimeSpan.FromDays(1), "Maintenance:PruneIdentityTokensAfter must be at least 1.00:00:00.")
            .ValidateOnStart();
        return services;
    }
}
