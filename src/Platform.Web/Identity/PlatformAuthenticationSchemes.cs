using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;

namespace Platform.Web.Identity;

/// <summary>
/// The default authentication scheme: a policy scheme that sends <c>/api/…</c> to OpenIddict's token
/// validation and everything else to Identity's cookie. So on the API <c>HttpContext.User</c> is the token's
/// principal before tenant resolution runs, and a portal cookie never authenticates an API call.
/// </summary>
public static class PlatformAuthenticationSchemes
{
    public const string Default = "Starfront";

    public static readonly PathString ApiPrefix = new("/api");

    public static string Select(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiPrefix)
            ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
            : IdentityConstants.ApplicationScheme;
}
