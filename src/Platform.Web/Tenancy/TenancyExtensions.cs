namespace Platform.Web.Tenancy;

public static class TenancyExtensions
{
    public static IServiceCollection AddTenantResolution(this IServiceCollection services)
    {
        services.AddScoped<ITenantResolutionStrategy, ClaimTenantStrategy>();
        services.AddScoped<ITenantResolutionStrategy, RouteSlugTenantStrategy>();
        return services;
    }

    /// <summary>Place after UseAuthentication (claims) and UseRouting (route slug), before UseAuthorization.</summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();

    /// <summary>Place after UseAuthorization: a suspended store's portal refuses every change (<see cref="SuspendedStoreGuard"/>).</summary>
    public static IApplicationBuilder UseSuspendedStoreGuard(this IApplicationBuilder app) =>
        app.UseMiddleware<SuspendedStoreGuard>();
}
