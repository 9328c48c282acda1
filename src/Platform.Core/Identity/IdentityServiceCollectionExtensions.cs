using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Core.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Identity's Core side: OpenIddict's core managers with EF Core stores on <see cref="PlatformDbContext"/>, the API
    /// client service built on them, platform admins, and the daily pruning of spent tokens. Here rather than in Web so
    /// every host (the Worker too, for the pruning) can resolve them; the OpenID Connect server itself is added by the web host.
    /// </summary>
    public static IServiceCollection AddPlatformIdentityCore(this IServiceCollection services)
    {
        services.AddOpenIddict().AddCore(core => core.UseEntityFrameworkCore().UseDbContext<PlatformDbContext>());
        services.AddScoped<ApiClientService>();
        services.AddScoped<PlatformAdminService>();
        services.AddTransient<IdentityTokenPruningJob>();
        services.AddRecurringJob<IdentityTokenPruningJob>(IdentityTokenPruningJob.RecurringJobId, j => j.PruneAsync(CancellationToken.None), Cron.Daily());
        return services;
    }
}
