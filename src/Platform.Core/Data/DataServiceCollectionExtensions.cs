using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Core.Tenancy;
using Platform.Core.Text;

namespace Platform.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the DbContext, the tenant context pair, the tenant store, the cross-tenant reader and the plain Npgsql source.</summary>
    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlatformDatabaseOptions>()
            .Bind(configuration.GetSection("ConnectionStrings"))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<TenantSessionInterceptor>();
        services.AddDbContext<PlatformDbContext>((sp, options) => Configure(
            options, AppConnectionString.WithDefaults(sp.GetRequiredService<IOptions<PlatformDatabaseOptions>>().Value.Platform),
                sp.GetRequiredService<TenantSessionInterceptor>()),
            contextLifetime: ServiceLifetime.Scoped,
            // Options are tenant-agnostic (the tenant lives on the context), so one instance serves all.
            optionsLifetime: ServiceLifetime.Singleton);

        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContextAccessor>(sp => sp.GetRequiredService<TenantContext>());
        services.AddScoped<ITenantContextSetter>(sp => sp.GetRequiredService<TenantContext>());
        services.AddMemoryCache();
        services.AddSingleton<ITenantStore, CachedTenantStore>();
        services.AddSingleton<CrossTenantReaderFactory>();
        services.AddSingleton<BotDataSource>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, TenantSessionInterceptor interceptor) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PlatformDbContext).Assembly.GetName().Name))
            .UseOpenIddict()
            .AddInterceptors(interceptor, new ForbiddenTextGuard());
}
