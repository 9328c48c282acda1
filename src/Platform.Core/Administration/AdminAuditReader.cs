using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Administration;

/// <summary>
/// Reads the admins' audit trail (<see cref="AdminAuditEntry"/>) newest first, for everyone or one store, over the
/// (At) and (TenantId, At) indexes; the store's name comes from the tenant row, so a renamed store reads as it is now.
/// </summary>
public sealed class AdminAuditReader(CrossTenantReaderFactory readers)
{
    public async Task<AdminAuditPage> ListAsync(Guid? tenantId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = readers.CreateReader();
        page = Math.Clamp(page, 0, StoreListQuery.MaxPage);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var entries = db.AdminAuditEntries.AsQueryable();
        if (tenantId is { } id)
        {
            entries = entries.Where(e => e.TenantId == id);
        }

        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(page * pageSize).Take(pageSize + 1)
            .GroupJoin(db.Tenants, e => e.TenantId, t => (Guid?)t.Id, (e, ts) => new { e, ts })
            .SelectMany(x => x.ts.DefaultIfEmpty(), (x, t) => new AdminAuditRow(
                x.e.Id, x.e.At, x.e.AdminEmail, x.e.Action, x.e.TenantId, t == null ? null : t.Name, t == null ? null : t.Slug, x.e.Reason, x.e.Detail))
            .ToListAsync(cancellationToken);
        rows = rows.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToList();
        return new AdminAuditPage(rows.Take(pageSize).ToList(), page, rows.Count > pageSize);
    }
}
