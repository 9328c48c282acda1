using Microsoft.Extensions.DependencyInjection;

namespace Platform.Core.Tenancy;

/// <summary>The tenant kernel every module uses: opening a store's scope and finding stores by slug or id.</summary>
public static class TenancyServiceCollectionExtensions
{
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.AddSingleton<TenantScopeFactory>();
        services.AddSingleton<StoreDirectory>();
        services.AddHostedService<TenantChangeListener>();
        return services;
    }
}
