using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Core.Administration;

/// <summary>
/// The platform admins' stores list (docs/admin.md, "Stores"). Pages the <c>Tenants</c> rows first (newest first over
/// the CreatedAt and (Status, CreatedAt) indexes), then reads owners, bot counts and <see cref="DailyStoreFigures"/>
/// for just the ids on the page, so the cost stays flat at 10,000 stores and a million orders. Cross-tenant: owners
/// live in the tenant-owned Memberships table.
/// </summary>
public sealed class StoreListReader(CrossTenantReaderFactory readers, TimeProvider clock)
{
    public async Task<StoreListPage> ListAsync(StoreListQuery query, CancellationToken cancellationToken)
    {
        await using var db = readers.CreateReader();
        var page = Math.Clamp(query.Page, 0, StoreListQuery.MaxPage);
        var tenants = db.Tenants.AsQueryable();
        if (query.Status is { } status)
        {
            tenants = tenants.Where(t => t.Status == status);
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            var pattern = "%" + LikeEscape(search) + "%";
            var owned = db.Memberships.Where(m => m.Role == MembershipRole.Owner)
                .Join(db.Users.Where(u => EF.Functions.ILike(u.Email!, pattern, "\\")), m => m.UserId, u => u.Id, (m, _) => m.TenantId);
            tenants = tenants.Where(t => EF.Functions.ILike(t.Name, pattern, "\\") || EF.Functions.ILike(t.Slug, pattern, "\\") || owned.Contains(t.Id));
        }

        var rows = await tenants.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip(page * StoreListQuery.PageSize).Take(StoreListQuery.PageSize + 1)
            .Select(t => new { t.Id, t.Name, t.Slug, t.CreatedAt, t.Status, t.DeliveriesFrozen })
            .ToListAsync(cancellationToken);
        var hasNext = rows.Count > StoreListQuery.PageSize;
        rows = rows.Take(StoreListQuery.PageSize).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            return new StoreListPage([], page, false);
        }

        var owners = (await db.Memberships.Where(m => ids.Contains(m.TenantId) && m.Role == MembershipRole.Owner)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.TenantId, m.CreatedAt, u.Email })
                .ToListAsync(cancellationToken))
            .GroupBy(o => o.TenantId).ToDictionary(g => g.Key, g => g.OrderBy(o => o.CreatedAt).First().Email);
        var bots = await db.Bots.Where(b => ids.Contains(b.TenantId)).GroupBy(b => b.TenantId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-29);
        var figures = await db.DailyStoreFigures.Where(f => ids.Contains(f.TenantId)).GroupBy(f => f.TenantId)
            .Select(g => new { g.Key, Gross = g.Sum(f => f.Day >= since ? f.GrossStars : 0), Last = g.Max(f => f.LastSaleAt) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);

        var items = rows.Select(r => new StoreListItem(
            r.Id, r.Name, r.Slug, owners.GetValueOrDefault(r.Id), r.CreatedAt, r.Status, r.DeliveriesFrozen, bots.GetValueOrDefault(r.Id),
            figures.TryGetValue(r.Id, out var f) ? f.Gross : 0, figures.TryGetValue(r.Id, out var l) ? l.Last : null)).ToList();
        return new StoreListPage(items, page, hasNext);
    }

    /// <summary>Typed <c>%</c>, <c>_</c> and <c>\</c> match themselves, not any text.</summary>
    public static string LikeEscape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
