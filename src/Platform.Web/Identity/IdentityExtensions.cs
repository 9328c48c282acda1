using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Web.Tenancy;

namespace Platform.Web.Identity;

public static class IdentityExtensions
{
    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        // Length over composition rules (NIST SP 800-63B): at least 10 characters, at least 4 distinct.
        services.AddIdentity<PlatformUser, PlatformRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Password.RequiredUniqueChars = 4;
                // No hard lockout: anyone who knows an email could trigger it again and again. LoginGuard throttles instead.
                options.Lockout.AllowedForNewUsers = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddDefaultTokenProviders();

        services.AddOptions<LoginThrottleOptions>().Bind(configuration.GetSection(LoginThrottleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<LoginGuard>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/login";
            options.LogoutPath = "/logout";
            options.AccessDeniedPath = "/access-denied";
            options.Cookie.Name = "starfront.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = IsLocal(environment) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        // The current-store and auth-time claims are added at sign-in; keep them when Identity refreshes the principal.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            foreach (var type in new[] { TenantClaimTypes.TenantId, Portal.PortalSignIn.AuthTimeClaim })
            {
                var kept = context.CurrentPrincipal?.FindFirst(type);
                if (kept is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(type, kept.Value, kept.ValueType));
                }
            }

            return Task.CompletedTask;
        });

        services.AddScoped<IAuthorizationHandler, StoreMembershipHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.StoreMember, p => p.RequireAuthenticatedUser().AddRequirements(new StoreMembershipRequirement(MembershipRole.Staff)))
            .AddPolicy(PortalPolicies.StoreOwner, p => p.RequireAuthenticatedUser().AddRequirements(new StoreMembershipRequirement(MembershipRole.Owner)))
            .AddPolicy(PortalPolicies.PlatformAdmin, p => p.RequireAuthenticatedUser().RequireRole(PlatformRole.PlatformAdmin));
        return services;
    }

    /// <summary>Development and the test host serve plain http on loopback; everywhere else cookies are Secure.</summary>
    public static bool IsLocal(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
