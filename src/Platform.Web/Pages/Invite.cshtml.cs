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

/// <summary>
/// /invite/{inviteSlug}/{token}. The route value is deliberately not named "tenant": the visitor may be
/// signed in to another store, and the tenant middleware would refuse a request naming two stores.
/// The invitation's store is looked up and worked on by <see cref="InvitationService"/> in its own scope.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Auth)]
public sealed class InviteModel(InvitationService invitations, UserManager<PlatformUser> users, PortalSignIn portalSignIn) : PageModel
{
    // Read from the route only, never from a posted form field of the same name.
    public string InviteSlug => RouteData.Values["inviteSlug"] as string ?? "";

    public string Token => RouteData.Values["token"] as string ?? "";

    [BindProperty, Required(ErrorMessage = "Enter your email address."), StringLength(256, ErrorMessage = "Keep the email under {1} characters.")]
    [EmailAddress(ErrorMessage = "That does not look like an email address.")]
    public string? Email { get; set; }

    [BindProperty, Required(ErrorMessage = "Choose a password."), StringLength(128, ErrorMessage = "Keep the password under {1} characters.")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public InvitationDetails? Invitation { get; private set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public string LoginUrl => "/login?ReturnUrl=" + Uri.EscapeDataString(Request.Path);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Invitation = await invitations.FindAsync(InviteSlug, Token, cancellationToken);
        Email = Invitation?.Email;
    }

    public async Task<IActionResult> OnPostJoinAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return await ShowAsync(cancellationToken);
        }

        var result = await invitations.AcceptAsync(InviteSlug, Token, user.Id, cancellationToken);
        // Joining is no new proof of identity: the time the password was last typed stays (docs/admin.md, "Access").
        return await FinishAsync(result, user, cancellationToken, PortalSignIn.AuthTimeOf(User) ?? DateTimeOffset.UnixEpoch);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }

        Result<JoinedStore> result;
        try
        {
            result = await invitations.CreateAccountAndAcceptAsync(InviteSlug, Token, Email!, Password!, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            result = Failure.Invalid(nameof(Email), "An account with this email already exists.");
        }

        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, AccountExists(field, message) ? "An account with this email already exists — log in below to join." : message);
            }
        }

        var user = result.Succeeded ? await users.FindByIdAsync(result.Value.UserId.ToString()) : null;
        return await FinishAsync(result, user, cancellationToken);
    }

    private async Task<IActionResult> FinishAsync(
        Result<JoinedStore> result, PlatformUser? user, CancellationToken cancellationToken, DateTimeOffset? authenticatedAt = null)
    {
        if (!result.Succeeded || user is null)
        {
            return await ShowAsync(cancellationToken);
        }

        await portalSignIn.SignInAsync(user, result.Value.Store, authenticatedAt);
        return LocalRedirect(PortalSignIn.HomeOf(result.Value.Store));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Invitation = await invitations.FindAsync(InviteSlug, Token, cancellationToken);
        return Page();
    }

    private static bool AccountExists(string field, string message) =>
        field == nameof(Email) && message.Contains("already taken", StringComparison.OrdinalIgnoreCase);
}
