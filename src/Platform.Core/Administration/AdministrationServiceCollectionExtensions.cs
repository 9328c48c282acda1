using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Jobs;

namespace Platform.Core.Administration;

/// <summary>The platform admins' module: store suspension and audit, the daily figures behind the admin dashboard.</summary>
public static class AdministrationServiceCollectionExtensions
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<TenantAdministration>();
        services.AddSingleton<DailyStoreFiguresRollup>();
        services.AddScoped<StoreListReader>();
        services.AddScoped<StoreViewReader>();
        services.AddScoped<AdminAuditReader>();
        services.AddTransient<DailyStoreFiguresJob>();
        services.AddRecurringJob<DailyStoreFiguresJob>(DailyStoreFiguresJob.RecurringJobId, j => j.RebuildRecentAsync(CancellationToken.None), Cron.Minutely());
        services.AddSingleton<PlatformBalanceCache>();
        services.AddSingleton<PlatformSalesCache>();
        services.AddScoped<PlatformFiguresReader>();
        return services;
    }
}
