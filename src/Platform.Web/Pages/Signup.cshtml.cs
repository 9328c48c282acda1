using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Accounts;
using Platform.Core.Common;
using Platform.Core.Identity;
using Platform.Core.Tenancy;
using Platform.Web.Portal;
using Platform.Web.RateLimiting;

namespace Platform.Web.Pages;

[EnableRateLimiting(RateLimitPolicies.Auth)]
public sealed class SignupModel(StoreSignupService signups, UserManager<PlatformUser> users, PortalSignIn portalSignIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Give your store a name."), StringLength(Tenant.NameMaxLength,
        ErrorMessage = "Keep the store name under {1} characters.")]
    [Display(Name = "Store name")]
    public string? StoreName { get; set; }

    [BindProperty, StringLength(Tenant.SlugMaxLength, ErrorMessage = "Keep the store address under {1} characters.")]
    [Display(Name = "Store address")]
    public string? Slug { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "That does not look like an email address.")]
    [StringLength(256, ErrorMessage = "Keep the email under {1} characters.")]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "Choose a password."), StringLength(128, ErrorMessage = "Keep the password under {1} characters.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await ExplainWeakPasswordAsync(); // so one round trip shows every problem, not one at a time
            return Page();
        }

        Result<NewStore> result;
        try
        {
            result = await signups.SignUpAsync(new StoreSignup(StoreName!, Email!, Password!, Slug), cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two sign-ups with the same email in the same instant: the database's unique index decides.
            ModelState.AddModelError(nameof(Email), "An account with this email already exists.");
            return Page();
        }

        if (!result.Succeeded)
        {
            foreach (var (field, messages) in result.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }

            return Page();
        }

        var user = await users.FindByIdAsync(result.Value.OwnerUserId.ToString())
            ?? throw new InvalidOperationException("The new owner account was not found after sign-up.");
        await portalSignIn.SignInAsync(user, result.Value.Tenant);
        return LocalRedirect(PortalSignIn.HomeOf(result.Value.Tenant));
    }

    private async Task ExplainWeakPasswordAsync()
    {
        if (string.IsNullOrEmpty(Password)
            || ModelState.GetFieldValidationState(nameof(Password)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new PlatformUser(), Password);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }
        }
    }
}
