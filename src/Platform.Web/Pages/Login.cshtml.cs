using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Platform.Core.Identity;
using Platform.Web.Identity;
using Platform.Web.Portal;
using Platform.Web.RateLimiting;

namespace Platform.Web.Pages;

/// <summary>
/// Email and password sign-in. Every refusal reads the same whether or not the account exists: one message for unknown
/// email and wrong password, and <see cref="LoginGuard"/>'s throttle (keyed on the typed email, existing or not) instead
/// of Identity's hard lockout, which anyone knowing an email could keep triggering.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Auth)]
public sealed class LoginModel(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, PortalSignIn portalSignIn, LoginGuard guard) : PageModel
{
    public const string IncorrectMessage = "Email or password is incorrect.";

    /// <summary>Verified for unknown emails so they take as long as a wrong password (no timing hint that an account exists).</summary>
    private static string? decoyHash;

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

        var email = Email!.Trim();
        var address = ClientAddress.KeyOf(HttpContext.Connection.RemoteIpAddress);
        if (await guard.WaitBeforeAttemptAsync(email, address, cancellationToken) is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError(string.Empty, ThrottledMessage(wait));
            return Page();
        }

        var user = await users.FindByEmailAsync(email);
        var check = user is null ? VerifyDecoy() : await signIn.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: false);
        if (!check.Succeeded || user is null)
        {
            await guard.RecordFailureAsync(email, address, cancellationToken);
            ModelState.AddModelError(string.Empty, IncorrectMessage);
            return Page();
        }

        await guard.RecordSuccessAsync(email, address, cancellationToken);
        var store = await portalSignIn.PickStoreAsync(user.Id, cancellationToken);
        await portalSignIn.SignInAsync(user, store);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        return LocalRedirect(store is null && await users.IsInRoleAsync(user, PlatformRole.PlatformAdmin) ? "/admin" : PortalSignIn.HomeOf(store));
    }

    /// <summary>The same words for every account, known or not; only the wait differs, and it depends on the attempts alone.</summary>
    public static string ThrottledMessage(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return minutes == 1 ? "Too many attempts. Try again in a minute." : $"Too many attempts. Try again in {minutes} minutes.";
    }

    private Microsoft.AspNetCore.Identity.SignInResult VerifyDecoy()
    {
        decoyHash ??= users.PasswordHasher.HashPassword(new PlatformUser(), "decoy-password-for-timing");
        users.PasswordHasher.VerifyHashedPassword(new PlatformUser(), decoyHash, Password!);
        return Microsoft.AspNetCore.Identity.SignInResult.Failed;
    }
}
