using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Core;
using Platform.Core.Accounts;
using Platform.Core.Email;
using Platform.Core.Tenancy;
using Platform.Web.Identity;
using Platform.Web.Portal;

namespace Platform.Web.Pages.Stores;

/// <summary>Owners manage the team: invite by link, remove members (never the last owner), revoke invitations.</summary>
[Authorize(Policy = PortalPolicies.StoreOwner)]
public sealed class TeamModel(TeamService team, ITenantContextAccessor tenant, IEmailSender email, IPublicBaseUrl publicBaseUrl) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the email address of the person you want to invite.")]
    [EmailAddress(ErrorMessage = "That does not look like an email address.")]
    [StringLength(TeamService.EmailMaxLength, ErrorMessage = "Keep the email under {1} characters.")]
    public string? Email { get; set; }

    [BindProperty]
    public MembershipRole Role { get; set; } = MembershipRole.Staff;

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The new invitation's link: shown once, right after it is created (only its hash is stored).</summary>
    public string? InviteLink { get; private set; }

    public IReadOnlyList<TeamMember> Members { get; private set; } = [];

    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public Guid CurrentUserId => PortalUser.RequiredIdOf(User);

    private TenantInfo Store => tenant.Tenant ?? throw new InvalidOperationException("The team page needs a resolved store.");

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && !Enum.IsDefined(Role))
        {
            ModelState.AddModelError(nameof(Role), "Choose Owner or Staff.");
        }

        if (ModelState.IsValid)
        {
            var result = await team.InviteAsync(Email!, Role, CurrentUserId, cancellationToken);
            if (result.Succeeded)
            {
                InviteLink = new Uri(publicBaseUrl.Value, $"invite/{Store.Slug}/{result.Value.Token}").ToString(); // never the request's Host
                await email.SendAsync(result.Value.Invitation.Email, $"You're invited to {Store.Name} on Starfront",
                    $"{User.Identity?.Name} invited you to join the store \"{Store.Name}\" on Starfront as {Role}.\n\n" +
                    $"Accept the invitation here:\n{InviteLink}\n\nThe link works once and expires in 7 days.", cancellationToken);
                Notice = null;
                Email = null;
                ModelState.Clear();
            }
            else
            {
                foreach (var (field, messages) in result.Errors)
                {
                    ModelState.AddModelError(field, messages[0]);
                }
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid membershipId, CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the invite fields are not part of this form
        var error = await team.RemoveMemberAsync(membershipId, CurrentUserId, cancellationToken);
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
            await LoadAsync(cancellationToken);
            return Page();
        }

        Notice = "The member was removed. They lost access to this store at once.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Notice = await team.RevokeInvitationAsync(invitationId, cancellationToken)
            ? "The invitation was revoked; its link no longer works."
            : "That invitation was already used or revoked.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Members = await team.ListMembersAsync(cancellationToken);
        Invitations = await team.ListPendingInvitationsAsync(cancellationToken);
    }
}
