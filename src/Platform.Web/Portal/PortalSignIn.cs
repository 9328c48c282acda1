using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Web.Tenancy;

namespace Platform.Web.Portal;

/// <summary>
/// Signs a portal user in with their current store as the <c>tenant_id</c> claim. The last store used is
/// remembered in a plain cookie; it is only a hint — the membership is checked again before it is used.
/// The <see cref="AuthTimeClaim"/> says when the password was last typed: admin actions ask for it again when it is
/// older than <c>Admin:ReauthenticateAfter</c> (docs/admin.md, "Access"); switching stores keeps it.
/// </summary>
public sealed class PortalSignIn(SignInManager<PlatformUser> signIn, StoreDirectory directory, TimeProvider clock)
{
    public const string LastStoreCookie = "starfront.store";

    /// <summary>When the user last proved who they are (Unix seconds, as in OpenID Connect).</summary>
    public const string AuthTimeClaim = "auth_time";

    /// <summary>
    /// Signs in working in <paramref name="store"/>, or without a store (e.g. a platform admin with none).
    /// <paramref name="authenticatedAt"/> is when the password was typed: now unless a store switch carries the old time.
    /// </summary>
    public async Task SignInAsync(PlatformUser user, TenantInfo? store, DateTimeOffset? authenticatedAt = null)
    {
        var http = signIn.Context;
        var authTime = (authenticatedAt ?? clock.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        List<Claim> claims = [new Claim(AuthTimeClaim, authTime, ClaimValueTypes.Integer64)];
        if (store is not null)
        {
            claims.Add(new Claim(TenantClaimTypes.TenantId, store.Id.ToString()));
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
        if (store is not null)
        {
            http.Response.Cookies.Append(LastStoreCookie, store.Id.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
        }
    }

    /// <summary>The store to open after login: the last one used if still a member, else the oldest membership.</summary>
    public async Task<TenantInfo?> PickStoreAsync(Guid userId, CancellationToken cancellationToken)
    {
        var stores = await directory.ListForUserAsync(userId, cancellationToken);
        var last = signIn.Context.Request.Cookies[LastStoreCookie];
        var remembered = Guid.TryParse(last, out var id) ? stores.FirstOrDefault(s => s.Store.Id == id) : null;
        return (remembered ?? (stores.Count > 0 ? stores[0] : null))?.Store;
    }

    /// <summary>When <paramref name="user"/> last typed their password; null for a sign-in that never said (treated as long ago).</summary>
    public static DateTimeOffset? AuthTimeOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(AuthTimeClaim), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, DateTimeOffset.MaxValue.ToUnixTimeSeconds()))
            : null;

    /// <summary>Where to land after signing in with <paramref name="store"/> when no return address was given.</summary>
    public static string HomeOf(TenantInfo? store) => store is null ? "/" : $"/stores/{store.Slug}";
}
