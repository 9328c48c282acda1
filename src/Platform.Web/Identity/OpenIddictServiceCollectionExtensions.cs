using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Platform.Web.Api;
using Platform.Web.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Web.Identity;

public static class OpenIddictServiceCollectionExtensions
{
    /// <summary>
    /// The OpenID Connect server (stores on PlatformDbContext, registered by AddPlatformCore), token validation for
    /// <c>/api</c>, the default policy scheme choosing cookie or token by path, and the API's authorization policy.
    /// Call after AddPlatformIdentity: this replaces the default schemes Identity set.
    /// </summary>
    public static IServiceCollection AddPlatformOpenIddict(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        var isLocal = IdentityExtensions.IsLocal(environment);
        services.AddOptions<OpenIddictKeyOptions>().Bind(configuration.GetSection(OpenIddictKeyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenIddictKeyOptions>>(new OpenIddictKeyOptionsValidator(isLocal));
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp =>
            new ConfigureServerKeys(sp.GetRequiredService<IOptions<OpenIddictKeyOptions>>(), isLocal));

        // The core managers and EF Core stores are registered by AddPlatformCore (AddPlatformIdentityCore).
        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(StarfrontOidc.AuthorizationPath)
                    .SetTokenEndpointUris(StarfrontOidc.TokenPath)
                    .SetUserInfoEndpointUris(StarfrontOidc.UserInfoPath)
                    .SetEndSessionEndpointUris(StarfrontOidc.EndSessionPath);
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                // "plain" PKCE protects nothing against an intercepted authorization request; S256 only.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, StarfrontOidc.ApiScope);
                server.RegisterClaims(Claims.Subject, Claims.Email, Claims.Name, TenantClaimTypes.TenantId);
                if (isLocal)
                {
                    server.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
                }

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (isLocal)
                {
                    aspNetCore.DisableTransportSecurityRequirement(); // the local run and tests serve plain http on loopback
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(StarfrontOidc.ApiResource);
                validation.UseAspNetCore();
            });

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = PlatformAuthenticationSchemes.Default;
                options.DefaultAuthenticateScheme = PlatformAuthenticationSchemes.Default;
                options.DefaultChallengeScheme = PlatformAuthenticationSchemes.Default;
                options.DefaultForbidScheme = PlatformAuthenticationSchemes.Default;
            })
            .AddPolicyScheme(PlatformAuthenticationSchemes.Default, "Cookie for pages, access token for /api",
                options => options.ForwardDefaultSelector = PlatformAuthenticationSchemes.Select);

        // Naming the validation scheme makes the authorization middleware re-authenticate with it alone,
        // so a portal cookie can never satisfy the API.
        services.AddAuthorizationBuilder().AddPolicy(ApiPolicies.ApiAccess, policy => policy
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(TenantClaimTypes.TenantId));

        services.AddScoped<TokenSubjectValidator>();
        services.AddScoped<ApiCallerFilter>();
        return services;
    }
}
