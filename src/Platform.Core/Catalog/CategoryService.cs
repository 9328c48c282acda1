using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Catalog;

/// <summary>Categories of the current tenant: create, rename, reorder, delete (their products become uncategorised).</summary>
public sealed class CategoryService(PlatformDbContext db)
{
    public async Task<IReadOnlyList<Category>> ListAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);

    public async Task<CategorySaveResult> CreateAsync(string? name, CancellationToken cancellationToken)
    {
        var clean = name?.Trim() ?? "";
        var error = await CheckNameAsync(clean, null, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var next = await db.Categories.Select(c => (int?)c.SortOrder).MaxAsync(cancellationToken) + 1 ?? 0;
        var category = new Category { Id = Guid.CreateVersion7(), Name = clean, SortOrder = next };
        db.Categories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        return new CategorySaveResult(category, null);
    }

    public async Task<CategorySaveResult> RenameAsync(Guid id, string? name, CancellationToken cancellationToken)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return new CategorySaveResult(null, "That category does not exist.", NotFound: true);
        }

        var clean = name?.Trim() ?? "";
        var error = await CheckNameAsync(clean, id, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        category.Name = clean;
        await db.SaveChangesAsync(cancellationToken);
        return new CategorySaveResult(category, null);
    }

    /// <summary>Sets the order of the listed categories (first = top); ids of other stores or unknown ids are ignored.</summary>
    public async Task ReorderAsync(IReadOnlyList<Guid> orderedIds, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.Where(c => orderedIds.Contains(c.Id)).ToListAsync(cancellationToken);
        foreach (var category in categories)
        {
            category.SortOrder = orderedIds.ToList().IndexOf(category.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves a category one place up (-1) or down (+1).</summary>
    public async Task MoveAsync(Guid id, int direction, CancellationToken cancellationToken)
    {
        var all = await db.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var index = all.FindIndex(c => c.Id == id);
        var target = index + Math.Sign(direction);
        if (index < 0 || target < 0 || target >= all.Count)
        {
            return;
        }

        (all[index], all[target]) = (all[target], all[index]);
        for (var i = 0; i < all.Count; i++)
        {
            all[i].SortOrder = i;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Categories.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task<CategorySaveResult?> CheckNameAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            return new CategorySaveResult(null, "Give the category a name.");
        }

        if (name.Length > Category.NameMaxLength)
        {
            return new CategorySaveResult(null, $"Keep category names under {Category.NameMaxLength} characters.");
        }

        return await db.Categories.AnyAsync(c => c.Name == name && c.Id != except, cancellationToken)
            ? new CategorySaveResult(null, $"There is already a category called \"{name}\".", Conflict: true)
            : null;
    }
}
