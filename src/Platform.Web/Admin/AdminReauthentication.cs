using System.Security.Claims;
using Microsoft.Extensions.Options;
using Platform.Core.Administration;
using Platform.Web.Portal;

namespace Platform.Web.Admin;

/// <summary>
/// Whether the signed-in admin typed their password recently enough to act (the <c>auth_time</c> claim set by
/// <see cref="PortalSignIn"/>; a cookie without one counts as old), and who they are for the audit row.
/// </summary>
public sealed class AdminReauthentication(IOptions<AdminOptions> options, TimeProvider clock)
{
    public const string PagePath = "/admin/reauth";

    public bool IsRecent(ClaimsPrincipal user) =>
        PortalSignIn.AuthTimeOf(user) is { } at && clock.GetUtcNow() - at <= options.Value.ReauthenticateAfter;

    /// <summary>The re-authentication page, coming back to <paramref name="returnUrl"/> (a local path) afterwards.</summary>
    public static string RedirectFor(string returnUrl) => $"{PagePath}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static AdminActor ActorOf(ClaimsPrincipal user) =>
        new(PortalUser.RequiredIdOf(user), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown");
}
