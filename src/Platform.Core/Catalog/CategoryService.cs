using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Catalog;

/// <summary>Categories of the current tenant: create, rename, reorder, delete (their products become uncategorised).</summary>
public sealed class CategoryService(PlatformDbContext db)
{
    public async Task<IReadOnlyList<Category>> ListAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>Returns an error message, or null when created.</summary>
    public async Task<string?> CreateAsync(string? name, CancellationToken cancellationToken)
    {
        var clean = name?.Trim() ?? "";
        var error = await CheckNameAsync(clean, null, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var next = await db.Categories.Select(c => (int?)c.SortOrder).MaxAsync(cancellationToken) + 1 ?? 0;
        db.Categories.Add(new Category { Id = Guid.CreateVersion7(), Name = clean, SortOrder = next });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string?> RenameAsync(Guid id, string? name, CancellationToken cancellationToken)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return "That category does not exist.";
        }

        var clean = name?.Trim() ?? "";
        var error = await CheckNameAsync(clean, id, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        category.Name = clean;
        await db.SaveChangesAsync(cancellationToken);
        return null;
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

    private async Task<string?> CheckNameAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            return "Give the category a name.";
        }

        if (name.Length > Category.NameMaxLength)
        {
            return $"Keep category names under {Category.NameMaxLength} characters.";
        }

        return await db.Categories.AnyAsync(c => c.Name == name && c.Id != except, cancellationToken)
            ? $"There is already a category called \"{name}\"."
            : null;
    }
}
