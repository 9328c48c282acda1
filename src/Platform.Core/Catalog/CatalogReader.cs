using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Catalog;

/// <summary>The catalog as the bot shows it, for the current tenant: published products only, in the merchant's order.</summary>
public sealed class CatalogReader(PlatformDbContext db)
{
    public const int MaxPageSize = 50;

    /// <summary>Published products of a category (all published products when <paramref name="categoryId"/> is null).</summary>
    public async Task<CatalogPage> ListPublishedAsync(Guid? categoryId, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(page, 0);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.Products.AsNoTracking().Where(p => p.State == ProductState.Published);
        if (categoryId is not null)
        {
            query = query.Where(p => p.CategoryId == categoryId);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(p => p.SortOrder).ThenBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new CatalogPage(items, page, pageSize, total);
    }

    /// <summary>Categories that have at least one published product, in the merchant's order.</summary>
    public async Task<IReadOnlyList<Category>> ListCategoriesAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking()
            .Where(c => db.Products.Any(p => p.CategoryId == c.Id && p.State == ProductState.Published))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .ToListAsync(cancellationToken);

    /// <summary>A product that can be bought now (deep links, Buy, pre-checkout).</summary>
    public Task<Product?> FindPublishedAsync(Guid id, CancellationToken cancellationToken) =>
        db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.State == ProductState.Published, cancellationToken);

    /// <summary>A product in any state: fulfilment and /orders of archived products still need it.</summary>
    public Task<Product?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
}
