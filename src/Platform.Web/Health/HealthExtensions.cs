using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Platform.Web.Health;

public static class HealthExtensions
{
    public static IServiceCollection AddPlatformHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    public static void MapPlatformHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // Live: the process serves requests. Ready: it can also do useful work (database, schema).
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
    }
}
