using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Web.Portal;

namespace Platform.Web.Pages;

/// <summary>
/// POST /stores/switch: re-issues the sign-in with another store as <c>tenant_id</c>, after checking
/// the user is a member there (through <see cref="StoreDirectory"/>, the cross-tenant reader). It lives
/// outside the /Stores folder on purpose: a user must be able to leave a store they no longer belong to.
/// </summary>
[Authorize]
public sealed class StoreSwitchModel(StoreDirectory directory, UserManager<PlatformUser> users, PortalSignIn portalSignIn) : PageModel
{
    [BindProperty]
    public string? Slug { get; set; }

    /// <summary>A page of the target store to land on (the "store mismatch" page sends it); anything else is ignored.</summary>
    [BindProperty]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<UserStore> Stores { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Stores = await directory.ListForUserAsync(PortalUser.RequiredIdOf(User), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = PortalUser.RequiredIdOf(User);
        var target = string.IsNullOrWhiteSpace(Slug) || Slug.Length > Tenant.SlugMaxLength
            ? null
            : await directory.FindForUserAsync(userId, Slug, cancellationToken);
        if (target is null)
        {
            return Forbid();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }

        // A switch is no new proof of identity: the time the password was typed stays as it was.
        await portalSignIn.SignInAsync(user, target.Store, PortalSignIn.AuthTimeOf(User) ?? DateTimeOffset.UnixEpoch);
        var home = PortalSignIn.HomeOf(target.Store);
        var inStore = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)
            && (ReturnUrl == home || ReturnUrl.StartsWith(home + "/", StringComparison.Ordinal) || ReturnUrl.StartsWith(home + "?", StringComparison.Ordinal));
        return LocalRedirect(inStore ? ReturnUrl! : home);
    }
}
