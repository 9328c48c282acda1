using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Web.Identity;
using Platform.Web.Portal;
using Platform.Web.RateLimiting;
using Platform.Web.Tenancy;

namespace Platform.Web.Pages.Admin;

/// <summary>
/// Asks a signed-in platform admin for their password again before admin actions (docs/admin.md, "Access"), then
/// re-issues the cookie with a fresh <c>auth_time</c> and the same store. Throttled like the login (<see cref="LoginGuard"/>,
/// keyed on the admin's email and address) and rate-limited; only local return addresses are followed.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Auth)]
public sealed class ReauthModel(
    UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, PortalSignIn portalSignIn, LoginGuard guard, ITenantStore tenants) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your password."), StringLength(128)]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Email => User.Identity?.Name;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user?.Email is not { } email)
        {
            return NotFound();
        }

        var address = ClientAddress.KeyOf(HttpContext.Connection.RemoteIpAddress);
        if (await guard.WaitBeforeAttemptAsync(email, address, cancellationToken) is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError(string.Empty, LoginModel.ThrottledMessage(wait));
            return Page();
        }

        var check = await signIn.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: false);
        if (!check.Succeeded)
        {
            await guard.RecordFailureAsync(email, address, cancellationToken);
            ModelState.AddModelError(nameof(Password), "That password is not right.");
            return Page();
        }

        await guard.RecordSuccessAsync(email, address, cancellationToken);
        var store = Guid.TryParse(User.FindFirst(TenantClaimTypes.TenantId)?.Value, out var tenantId)
            ? await tenants.FindByIdAsync(tenantId, cancellationToken)
            : null;
        await portalSignIn.SignInAsync(user, store);
        return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
    }
}
