using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Catalog;

/// <summary>
/// The merchant's view of a key product's pool: pages of keys with counts per status, the whole pool for a CSV
/// export, and removing an unsold key. Every query runs on the tenant-filtered context, so another store's product
/// or key id finds nothing. Removal is one conditional <c>DELETE … WHERE "Status" = Available</c>: a key reserved or
/// sold a moment earlier by a buyer is never removed, whatever the form said.
/// </summary>
public sealed class LicenseKeyCatalog(PlatformDbContext db)
{
    public const int DefaultPageSize = 50;

    public async Task<LicenseKeyPage> PageAsync(Guid productId, LicenseKeyStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        var counts = await db.LicenseKeys.AsNoTracking().Where(k => k.ProductId == productId)
            .GroupBy(k => k.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var matching = status is { } s ? counts.GetValueOrDefault(s) : counts.Values.Sum();
        var pageCount = Math.Max(1, (matching + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var keys = await Filtered(productId, status)
            .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new LicenseKeyPage(keys, counts, page, pageSize, matching);
    }

    /// <summary>Every key of the product (oldest first), for the export; optionally of one status.</summary>
    public IAsyncEnumerable<LicenseKey> AllAsync(Guid productId, LicenseKeyStatus? status) =>
        Filtered(productId, status).OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).AsAsyncEnumerable();

    /// <summary>Removes an available key of the product; reserved, sold and revoked keys are refused.</summary>
    public async Task<LicenseKeyRemoval> RemoveAsync(Guid productId, Guid keyId, CancellationToken cancellationToken)
    {
        var removed = await db.LicenseKeys
            .Where(k => k.Id == keyId && k.ProductId == productId && k.Status == LicenseKeyStatus.Available)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            return LicenseKeyRemoval.Removed;
        }

        return await db.LicenseKeys.AnyAsync(k => k.Id == keyId && k.ProductId == productId, cancellationToken)
            ? LicenseKeyRemoval.NotAvailable
            : LicenseKeyRemoval.NotFound;
    }

    private IQueryable<LicenseKey> Filtered(Guid productId, LicenseKeyStatus? status)
    {
        var query = db.LicenseKeys.AsNoTracking().Where(k => k.ProductId == productId);
        return status is { } s ? query.Where(k => k.Status == s) : query;
    }
}
