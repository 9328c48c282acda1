using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Core;
using Platform.Core.Email;
using Platform.Core.Identity;
using Platform.Web.RateLimiting;

namespace Platform.Web.Pages;

/// <summary>
/// Always answers the same way, whether or not the address has an account, so the page cannot be
/// used to find out who is a customer. Only existing accounts get an email; its link is on <c>Platform:PublicBaseUrl</c>.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Auth)]
public sealed class ForgotPasswordModel(UserManager<PlatformUser> users, IEmailSender email, IPublicBaseUrl publicBaseUrl) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."), StringLength(256)]
    [EmailAddress(ErrorMessage = "That does not look like an email address.")]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

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
        if (user?.Email is not null)
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            // From the configured public address, never the request's Host: a forged Host would mail the victim a link
            // to the attacker's site carrying a valid token.
            var link = new Uri(publicBaseUrl.Value, $"reset-password?email={Uri.EscapeDataString(user.Email)}&token={token}");
            await email.SendAsync(user.Email, "Reset your Starfront password",
                $"Someone asked to reset the password of your Starfront account.\n\nChoose a new password here:\n{link}\n\n" +
                "If it was not you, ignore this email; your password stays as it is.", cancellationToken);
        }

        Sent = true;
        return Page();
    }
}
