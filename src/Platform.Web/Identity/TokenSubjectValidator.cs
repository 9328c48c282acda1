using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Web.Identity;

/// <summary>
/// Decides whether a token's subject may still act for its store: the store exists and is active, and the
/// API client is not revoked or the user is still a member. Used when tokens are issued and on every API call,
/// so revocation, suspension and removal from a team take effect without waiting for tokens to expire.
/// Row checks run in a scope bound to the token's store (not the request's), because on the token endpoint
/// the request has no store and the request's DbContext may already exist.
/// </summary>
public sealed class TokenSubjectValidator(ITenantStore tenants, TenantScopeFactory tenantScopes)
{
    public async Task<SubjectCheckResult> CheckClientAsync(string clientId, string? tenantIdValue, CancellationToken cancellationToken)
    {
        var store = await CheckStoreAsync(tenantIdValue, cancellationToken);
        if (!store.Allowed)
        {
            return store;
        }

        await using var scope = tenantScopes.CreateScope(store.Tenant!);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var active = await db.ApiClients.AnyAsync(c => c.ClientId == clientId && c.RevokedAt == null, cancellationToken);
        return active ? store : SubjectCheckResult.Refuse(SubjectRefusal.ClientRevoked, "This API client has been revoked.", store.Tenant);
    }

    public async Task<SubjectCheckResult> CheckUserAsync(Guid userId, string? tenantIdValue, CancellationToken cancellationToken)
    {
        var store = await CheckStoreAsync(tenantIdValue, cancellationToken);
        if (!store.Allowed)
        {
            return store;
        }

        await using var scope = tenantScopes.CreateScope(store.Tenant!);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var member = await db.Memberships.AnyAsync(m => m.UserId == userId, cancellationToken);
        return member ? store : SubjectCheckResult.Refuse(SubjectRefusal.NotAMember, "You are no longer a member of this store.", store.Tenant);
    }

    private async Task<SubjectCheckResult> CheckStoreAsync(string? tenantIdValue, CancellationToken cancellationToken)
    {
        var tenant = Guid.TryParse(tenantIdValue, out var tenantId) ? await tenants.FindByIdAsync(tenantId, cancellationToken) : null;
        if (tenant is null)
        {
            return SubjectCheckResult.Refuse(SubjectRefusal.StoreNotFound, "The store of this client no longer exists.");
        }

        return tenant.IsActive
            ? SubjectCheckResult.Allow(tenant)
            : SubjectCheckResult.Refuse(SubjectRefusal.StoreSuspended, $"The store '{tenant.Slug}' is suspended.", tenant);
    }
}
