using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Core.Identity;
using Platform.Web.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Web.Identity;

/// <summary>
/// The passthrough half of the OpenID Connect endpoints. OpenIddict has already validated each request
/// (client, secret, redirect URI, PKCE, grant) before these run; they decide who the token is for.
/// First-party clients are pre-approved: there is no consent page.
/// </summary>
public static class AuthorizationEndpoints
{
    private static readonly string[] GetAndPost = [HttpMethods.Get, HttpMethods.Post];

    public static IEndpointRouteBuilder MapAuthorizationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(StarfrontOidc.AuthorizationPath, GetAndPost, AuthorizeAsync).ExcludeFromDescription();
        endpoints.MapPost(StarfrontOidc.TokenPath, ExchangeAsync).ExcludeFromDescription();
        endpoints.MapMethods(StarfrontOidc.UserInfoPath, GetAndPost, UserInfoAsync).ExcludeFromDescription();
        endpoints.MapMethods(StarfrontOidc.EndSessionPath, GetAndPost, EndSessionAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<PlatformUser> users, TokenSubjectValidator subjects)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            // Back to this same request after /login, whether it came as a query or as a form post.
            var parameters = context.Request.HasFormContentType ? QueryString.Create(context.Request.Form) : context.Request.QueryString;
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + parameters },
                [IdentityConstants.ApplicationScheme]);
        }

        // The store is the one the user is working in on the portal; membership is re-checked, not trusted.
        Guid? tenantId = null;
        var store = cookie.Principal!.FindFirst(TenantClaimTypes.TenantId)?.Value;
        if (store is not null)
        {
            var check = await subjects.CheckUserAsync(user.Id, store, context.RequestAborted);
            if (!check.Allowed)
            {
                return Forbid(Errors.AccessDenied, check.Description);
            }

            tenantId = check.Tenant!.Id;
        }
        else if (request.HasScope(StarfrontOidc.ApiScope))
        {
            return Forbid(Errors.AccessDenied, "Open a store in the portal before granting API access.");
        }

        return SignIn(TokenPrincipals.ForUser(user, tenantId, request.GetScopes()));
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext context, UserManager<PlatformUser> users, IOpenIddictApplicationManager applications, TokenSubjectValidator subjects)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cancellationToken = context.RequestAborted;
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has authenticated the client with its hashed secret; the store comes from the application.
            var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken);
            if (application is null)
            {
                return Forbid(Errors.InvalidClient, "Unknown client.");
            }

            var properties = await applications.GetPropertiesAsync(application, cancellationToken);
            var store = properties.TryGetValue(ApiClientService.TenantIdProperty, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String
                ? value.GetString()
                : null;
            if (store is null)
            {
                return Forbid(Errors.UnauthorizedClient, "This client does not belong to a store.");
            }

            var check = await subjects.CheckClientAsync(request.ClientId!, store, cancellationToken);
            if (!check.Allowed)
            {
                return Forbid(check.Refusal == SubjectRefusal.ClientRevoked ? Errors.InvalidClient : Errors.AccessDenied, check.Description);
            }

            return SignIn(TokenPrincipals.ForClient(request.ClientId!, check.Tenant!.Id));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var redeemed = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var user = Guid.TryParse(redeemed?.GetClaim(Claims.Subject), out var userId) ? await users.FindByIdAsync(userId.ToString()) : null;
            if (redeemed is null || user is null)
            {
                return Forbid(Errors.InvalidGrant, "The account no longer exists.");
            }

            Guid? tenantId = null;
            var store = redeemed.GetClaim(TenantClaimTypes.TenantId);
            if (store is not null)
            {
                var check = await subjects.CheckUserAsync(user.Id, store, cancellationToken);
                if (!check.Allowed)
                {
                    return Forbid(Errors.InvalidGrant, check.Description);
                }

                tenantId = check.Tenant!.Id;
            }

            return SignIn(TokenPrincipals.ForUser(user, tenantId, redeemed.GetScopes(), redeemed.Claims));
        }

        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<PlatformUser> users)
    {
        var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = Guid.TryParse(principal?.GetClaim(Claims.Subject), out var userId) ? await users.FindByIdAsync(userId.ToString()) : null;
        if (principal is null || user is null)
        {
            return Results.Challenge(ErrorProperties(Errors.InvalidToken, "The token does not belong to a user."),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = user.Id.ToString() };
        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.UserName;
        }

        if (principal.GetClaim(TenantClaimTypes.TenantId) is { } store)
        {
            claims[TenantClaimTypes.TenantId] = store;
        }

        return Results.Ok(claims);
    }

    private static async Task<IResult> EndSessionAsync(SignInManager<PlatformUser> signIn)
    {
        await signIn.SignOutAsync();
        // OpenIddict redirects to the client's validated post_logout_redirect_uri, or here when none was given.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(ErrorProperties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static AuthenticationProperties ErrorProperties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
