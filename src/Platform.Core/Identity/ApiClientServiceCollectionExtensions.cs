using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;

namespace Platform.Core.Identity;

public static class ApiClientServiceCollectionExtensions
{
    /// <summary>
    /// OpenIddict's core managers with EF Core stores on <see cref="PlatformDbContext"/>, and the API client
    /// service built on them. Here rather than in Web so every host (the Worker too, e.g. for token pruning)
    /// can resolve them; the OpenID Connect server itself is added by the web host.
    /// </summary>
    public static IServiceCollection AddPlatformApiClients(this IServiceCollection services)
    {
        services.AddOpenIddict().AddCore(core => core.UseEntityFrameworkCore().UseDbContext<PlatformDbContext>());
        services.AddScoped<ApiClientService>();
        return services;
    }
}
