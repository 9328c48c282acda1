using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Platform.Core.Identity;
using Platform.Web.RateLimiting;

namespace Platform.Web.Pages;

[EnableRateLimiting(RateLimitPolicies.Auth)]
public sealed class ResetPasswordModel(UserManager<PlatformUser> users) : PageModel
{
    private const string InvalidLink = "This reset link is invalid or has expired. Ask for a new one.";

    [BindProperty(SupportsGet = true), StringLength(256)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true), StringLength(2048)]
    public string? Token { get; set; }

    [BindProperty, Required(ErrorMessage = "Choose a new password."), StringLength(128, ErrorMessage = "Keep the password under {1} characters.")]
    [DataType(DataType.Password), Display(Name = "New password")]
    public string? Password { get; set; }

    [BindProperty, Required(ErrorMessage = "Type the new password again."), Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    [DataType(DataType.Password), Display(Name = "Confirm new password")]
    public string? ConfirmPassword { get; set; }

    public bool Done { get; private set; }

    public bool LinkMissing => string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Token);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (LinkMissing)
        {
            ModelState.AddModelError(string.Empty, InvalidLink);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email!.Trim());
        var token = TryDecode(Token!);
        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, InvalidLink);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : string.Empty;
                ModelState.AddModelError(field, field.Length == 0 ? InvalidLink : error.Description);
            }

            return Page();
        }

        Done = true;
        return Page();
    }

    private static string? TryDecode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
