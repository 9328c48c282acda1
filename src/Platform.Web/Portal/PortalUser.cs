using System.Security.Claims;

namespace Platform.Web.Portal;

/// <summary>Reads the signed-in portal user's id from the cookie principal.</summary>
public static class PortalUser
{
    public static Guid? IdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid RequiredIdOf(ClaimsPrincipal user) =>
        IdOf(user) ?? throw new InvalidOperationException("This page needs a signed-in user.");
}
