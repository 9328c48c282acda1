using Microsoft.AspNetCore.Authorization;

namespace Platform.Web.Admin;

/// <summary>The platform admin area's web services: its settings, the re-authentication check, the 404 for outsiders.</summary>
public static class AdminAreaExtensions
{
    public static IServiceCollection AddAdminArea(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section))
            .Validate(o => o.IsValid(), "Admin:ReauthenticateAfter must be between 00:00:01 and 1.00:00:00.")
            .ValidateOnStart();
        services.AddSingleton<AdminReauthentication>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AdminAreaHiding>();
        return services;
    }
}
