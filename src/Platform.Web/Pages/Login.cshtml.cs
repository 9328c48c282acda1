using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Core.Identity;
using Platform.Web.Portal;
using Platform.Web.RateLimiting;

namespace Platform.Web.Pages;

[EnableRateLimiting(RateLimitPolicies.Auth)]
public sealed class LoginModel(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, PortalSignIn portalSignIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."), StringLength(256)]
    [EmailAddress(ErrorMessage = "That does not look like an email address.")]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter your password."), StringLength(128)]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    /// <summary>Where to go after login; only local addresses are honoured (no open redirect).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email!.Trim());
        // One message for unknown email and wrong password, so the form does not reveal who has an account.
        var check = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, "Too many failed attempts. Wait a few minutes, or reset your password.");
            return Page();
        }

        if (!check.Succeeded || user is null)
        {
            ModelState.AddModelError(string.Empty, "Email or password is incorrect.");
            return Page();
        }

        var store = await portalSignIn.PickStoreAsync(user.Id, cancellationToken);
        await portalSignIn.SignInAsync(user, store);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        return LocalRedirect(store is null && await users.IsInRoleAsync(user, PlatformRole.PlatformAdmin) ? "/admin" : PortalSignIn.HomeOf(store));
    }
}
