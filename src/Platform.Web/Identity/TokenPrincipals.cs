using System.Collections.Immutable;
using System.Security.Claims;
using OpenIddict.Abstractions;
using Platform.Core.Identity;
using Platform.Web.Tenancy;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Web.Identity;

/// <summary>Builds the principals the server turns into tokens, and decides which claim goes into which token.</summary>
internal static class TokenPrincipals
{
    private const string AuthenticationType = "Starfront.Token";

    /// <summary>A merchant's machine client: subject is the client id, scope api, only an access token.</summary>
    public static ClaimsPrincipal ForClient(string clientId, Guid tenantId)
    {
        var identity = new ClaimsIdentity(AuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(TenantClaimTypes.TenantId, tenantId.ToString());
        identity.SetScopes(StarfrontOidc.ApiScope);
        identity.SetResources(StarfrontOidc.ApiResource);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// A signed-in person. <paramref name="inherited"/> carries the claims of the code or refresh token being
    /// redeemed (OpenIddict's own bookkeeping claims among them); the user's claims are refreshed over them.
    /// </summary>
    public static ClaimsPrincipal ForUser(PlatformUser user, Guid? tenantId, ImmutableArray<string> scopes, IEnumerable<Claim>? inherited = null)
    {
        var identity = new ClaimsIdentity(inherited ?? [], AuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Email, user.Email);
        identity.SetClaim(Claims.Name, user.UserName);
        identity.SetClaim(TenantClaimTypes.TenantId, tenantId?.ToString());
        identity.SetScopes(scopes);
        identity.SetResources(scopes.Contains(StarfrontOidc.ApiScope) ? [StarfrontOidc.ApiResource] : ImmutableArray<string>.Empty);
        identity.SetDestinations(claim => DestinationsOf(claim, identity));
        return new ClaimsPrincipal(identity);
    }

    // Profile claims reach the id token only when their scope was granted; the store id is for the API alone.
    private static IEnumerable<string> DestinationsOf(Claim claim, ClaimsIdentity identity) => claim.Type switch
    {
        Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Name when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
        Claims.Email when identity.HasScope(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
        TenantClaimTypes.TenantId => [Destinations.AccessToken],
        _ => [],
    };
}
