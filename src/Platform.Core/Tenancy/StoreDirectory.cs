using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Tenancy;

/// <summary>
/// "Which stores does this user belong to?" — a question that spans tenants by nature, so it reads
/// through <see cref="CrossTenantReaderFactory"/> (read-only) instead of switching any filter off.
/// </summary>
public sealed class StoreDirectory(CrossTenantReaderFactory readers)
{
    /// <summary>The user's stores, oldest membership first (the login's default pick is the first).</summary>
    public async Task<IReadOnlyList<UserStore>> ListForUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = readers.CreateReader();
        var rows = await (
                from m in db.Memberships
                join t in db.Tenants on m.TenantId equals t.Id
                where m.UserId == userId
                orderby m.CreatedAt, t.Name
                select new { t.Id, t.Slug, t.Name, t.Status, m.Role, m.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new UserStore(new TenantInfo(r.Id, r.Slug, r.Name, r.Status), r.Role, r.CreatedAt)).ToList();
    }

    /// <summary>The user's membership in the store with this slug, or null when they are not a member.</summary>
    public async Task<UserStore?> FindForUserAsync(Guid userId, string slug, CancellationToken cancellationToken)
    {
        var normalized = slug.Trim().ToLowerInvariant();
        var stores = await ListForUserAsync(userId, cancellationToken);
        return stores.FirstOrDefault(s => s.Store.Slug == normalized);
    }
}
