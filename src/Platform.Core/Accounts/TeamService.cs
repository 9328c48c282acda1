using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Core.Accounts;

/// <summary>
/// The owner's team management for the current store: members, invitations, removal. Runs on the
/// request's tenant-scoped context, so every query and write is confined to that store (EF filter + RLS).
/// </summary>
public sealed class TeamService(PlatformDbContext db, ITenantContextAccessor tenant, TimeProvider clock)
{
    public const int EmailMaxLength = 256;

    public async Task<IReadOnlyList<TeamMember>> ListMembersAsync(CancellationToken cancellationToken)
    {
        RequireTenant();
        return await (
                from m in db.Memberships
                join u in db.Users on m.UserId equals u.Id
                orderby m.CreatedAt
                select new TeamMember(m.Id, m.UserId, u.Email ?? u.UserName ?? "", m.Role, m.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Invitations neither accepted nor expired, newest first.</summary>
    public async Task<IReadOnlyList<Invitation>> ListPendingInvitationsAsync(CancellationToken cancellationToken)
    {
        RequireTenant();
        var now = clock.GetUtcNow();
        return await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    public async Task<Result<NewInvitation>> InviteAsync(string email, MembershipRole role, Guid invitedByUserId, CancellationToken cancellationToken)
    {
        RequireTenant();
        var address = email.Trim();
        if (address.Length is 0 or > EmailMaxLength || !address.Contains('@'))
        {
            return Failure.Invalid("Email", "Enter the email address of the person you want to invite.");
        }

        var normalized = address.ToUpperInvariant();
        var alreadyMember = await (
                from m in db.Memberships
                join u in db.Users on m.UserId equals u.Id
                where u.NormalizedEmail == normalized
                select m.Id)
            .AnyAsync(cancellationToken);
        if (alreadyMember)
        {
            return Failure.Invalid("Email", "This person is already a member of the store.");
        }

        var token = InvitationToken.NewToken();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(),
            Email = address,
            Role = role,
            TokenHash = InvitationToken.Hash(token),
            InvitedByUserId = invitedByUserId,
            CreatedAt = now,
            ExpiresAt = now + InvitationToken.Lifetime,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return new NewInvitation(token, invitation);
    }

    /// <summary>Deletes a pending invitation of this store; its link stops working at once.</summary>
    public async Task<bool> RevokeInvitationAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        RequireTenant();
        var deleted = await db.Invitations.Where(i => i.Id == invitationId && i.AcceptedAt == null).ExecuteDeleteAsync(cancellationToken);
        return deleted > 0;
    }

    /// <summary>
    /// Removes a member. Returns an error message instead when it would leave the store without an owner,
    /// or when the owner tries to remove themselves (they would lock themselves out mid-click).
    /// Serializable, so two owners removing each other at once cannot both succeed.
    /// </summary>
    public async Task<string?> RemoveMemberAsync(Guid membershipId, Guid actingUserId, CancellationToken cancellationToken)
    {
        RequireTenant();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var member = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken);
            if (member is null)
            {
                return "That person is no longer a member.";
            }

            if (member.UserId == actingUserId)
            {
                return "You cannot remove yourself. Ask another owner to do it.";
            }

            if (member.Role == MembershipRole.Owner
                && await db.Memberships.CountAsync(m => m.Role == MembershipRole.Owner, cancellationToken) <= 1)
            {
                return "A store needs at least one owner.";
            }

            db.Memberships.Remove(member);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (IsSerializationFailure(ex))
        {
            return "Someone else changed the team at the same moment. Please try again.";
        }
    }

    private static bool IsSerializationFailure(Exception ex) =>
        (ex as PostgresException ?? ex.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.SerializationFailure;

    private void RequireTenant()
    {
        if (tenant.Tenant is null)
        {
            throw new InvalidOperationException("Team management needs a current store.");
        }
    }
}
