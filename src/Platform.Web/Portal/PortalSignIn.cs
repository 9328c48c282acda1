using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Web.Tenancy;

namespace Platform.Web.Portal;

/// <summary>
/// Signs a portal user in with their current store as the <c>tenant_id</c> claim. The last store used is
/// remembered in a plain cookie; it is only a hint — the membership is checked again before it is used.
/// </summary>
public sealed class PortalSignIn(SignInManager<PlatformUser> signIn, StoreDirectory directory)
{
    public const string LastStoreCookie = "starfront.store";

    /// <summary>Signs in working in <paramref name="store"/>, or without a store (e.g. a platform admin with none).</summary>
    public async Task SignInAsync(PlatformUser user, TenantInfo? store)
    {
        var http = signIn.Context;
        Claim[] claims = store is null ? [] : [new Claim(TenantClaimTypes.TenantId, store.Id.ToString())];
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

    /// <summary>Where to land after signing in with <paramref name="store"/> when no return address was given.</summary>
    public static string HomeOf(TenantInfo? store) => store is null ? "/" : $"/stores/{store.Slug}";
}
