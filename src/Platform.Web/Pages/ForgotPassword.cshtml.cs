using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Core.Email;
using Platform.Core.Identity;
using Platform.Web.RateLimiting;

namespace Platform.Web.Pages;

/// <summary>
/// Always answers the same way, whether or not the address has an account, so the page cannot be
/// used to find out who is a customer. Only existing accounts get an email.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Auth)]
public sealed class ForgotPasswordModel(UserManager<PlatformUser> users, IEmailSender email) : PageModel
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
            var link = $"{Request.Scheme}://{Request.Host}/reset-password?email={Uri.EscapeDataString(user.Email)}&token={token}";
            await email.SendAsync(user.Email, "Reset your Starfront password",
                $"Someone asked to reset the password of your Starfront account.\n\nChoose a new password here:\n{link}\n\n" +
                "If it was not you, ignore this email; your password stays as it is.", cancellationToken);
        }

        Sent = true;
        return Page();
    }
}
