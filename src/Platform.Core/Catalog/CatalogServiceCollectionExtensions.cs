using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Files;
using Platform.Core.Jobs;

namespace Platform.Core.Catalog;

/// <summary>Products, categories, license keys and the storefront, and the job that frees stale key reservations.</summary>
public static class CatalogServiceCollectionExtensions
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddScoped<IFileUsage, CatalogFileUsage>();
        services.AddScoped<ProductService>();
        services.AddScoped<CatalogReader>();
        services.AddScoped<CategoryService>();
        services.AddScoped<LicenseKeyPool>();
        services.AddScoped<LicenseKeyCatalog>();
        services.AddScoped<StorefrontReader>();
        services.AddScoped<StorefrontService>();
        services.AddScoped<DemoCatalog>();
        services.AddTransient<KeyReservationReleaseJob>();
        // Each release is one conditional statement, so running twice or concurrently is safe.
        services.AddRecurringJob<KeyReservationReleaseJob>(
            KeyReservationReleaseJob.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), "*/10 * * * *");
        return services;
    }
}
