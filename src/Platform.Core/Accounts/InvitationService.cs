using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Core.Accounts;

/// <summary>
/// The invitee's side of an invitation. The invitee's request may belong to another store (their current
/// one) or to none, so every step runs in a scope bound to the invitation's store via
/// <see cref="TenantScopeFactory"/>. Accepting claims the invitation with one conditional UPDATE inside
/// the transaction, so a link works exactly once even when clicked twice at the same moment.
/// </summary>
public sealed class InvitationService(TenantScopeFactory scopes, ITenantStore tenants, TimeProvider clock)
{
    public async Task<InvitationDetails?> FindAsync(string slug, string token, CancellationToken cancellationToken)
    {
        var store = await FindStoreAsync(slug, token, cancellationToken);
        if (store is null)
        {
            return null;
        }

        await using var scope = scopes.CreateScope(store);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var invitation = await Pending(db, token).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return invitation is null ? null : new InvitationDetails(store, invitation.Email, invitation.Role, invitation.ExpiresAt);
    }

    /// <summary>A signed-in user joins the store.</summary>
    public async Task<Result<JoinedStore>> AcceptAsync(string slug, string token, Guid userId, CancellationToken cancellationToken)
    {
        var store = await FindStoreAsync(slug, token, cancellationToken);
        if (store is null)
        {
            return LinkInvalid;
        }

        await using var scope = scopes.CreateScope(store);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var role = await ClaimAsync(db, token, userId, cancellationToken);
        if (role is null)
        {
            return LinkInvalid;
        }

        await AddOrUpgradeMembershipAsync(db, userId, role.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JoinedStore(store, userId);
    }

    /// <summary>A new person creates their account and joins in one transaction: either both happen or neither.</summary>
    public async Task<Result<JoinedStore>> CreateAccountAndAcceptAsync(
        string slug, string token, string email, string password, CancellationToken cancellationToken)
    {
        var store = await FindStoreAsync(slug, token, cancellationToken);
        if (store is null)
        {
            return LinkInvalid;
        }

        await using var scope = scopes.CreateScope(store);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = new PlatformUser { Id = Guid.CreateVersion7(), UserName = email.Trim(), Email = email.Trim(), CreatedAt = clock.GetUtcNow() };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var role = await ClaimAsync(db, token, user.Id, cancellationToken);
        if (role is null)
        {
            return LinkInvalid;
        }

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Failure.Invalid(IdentityErrors.ToFieldErrors(created.Errors)); // rolled back on dispose
        }

        await AddOrUpgradeMembershipAsync(db, user.Id, role.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JoinedStore(store, user.Id);
    }

    /// <summary>Unknown, used or expired (or another store's): nothing changed.</summary>
    private static Failure LinkInvalid => Failure.NotFound("This invitation link is unknown, used or expired.");

    private async Task<TenantInfo?> FindStoreAsync(string slug, string token, CancellationToken cancellationToken)
    {
        if (!InvitationToken.LooksValid(token) || slug.Length is 0 or > Tenant.SlugMaxLength)
        {
            return null;
        }

        var store = await tenants.FindBySlugAsync(slug, cancellationToken);
        return store is { IsActive: true } ? store : null;
    }

    private IQueryable<Invitation> Pending(PlatformDbContext db, string token)
    {
        var hash = InvitationToken.Hash(token);
        var now = clock.GetUtcNow();
        return db.Invitations.Where(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now);
    }

    /// <summary>Marks the invitation accepted if it still is pending; returns its role, or null when it was not.</summary>
    private async Task<MembershipRole?> ClaimAsync(PlatformDbContext db, string token, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await Pending(db, token).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var hash = InvitationToken.Hash(token);
        return await db.Invitations.Where(i => i.TokenHash == hash).Select(i => i.Role).FirstAsync(cancellationToken);
    }

    /// <summary>An existing member keeps their membership; an invitation to a higher role promotes them.</summary>
    private async Task AddOrUpgradeMembershipAsync(PlatformDbContext db, Guid userId, MembershipRole role, CancellationToken cancellationToken)
    {
        var existing = await db.Memberships.FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (existing is null)
        {
            db.Memberships.Add(new Membership { Id = Guid.CreateVersion7(), UserId = userId, Role = role, CreatedAt = clock.GetUtcNow() });
        }
        else if (role < existing.Role)
        {
            existing.Role = role;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
