using Microsoft.EntityFrameworkCore;
using Platform.Core.Common;
using Platform.Core.Data;

namespace Platform.Core.Catalog;

/// <summary>Categories of the current tenant: create, rename, reorder, delete (their products become uncategorised).</summary>
public sealed class CategoryService(PlatformDbContext db)
{
    public async Task<IReadOnlyList<Category>> ListAsync(CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);

    public async Task<Result<Category>> CreateAsync(string? name, CancellationToken cancellationToken)
    {
        var clean = name?.Trim() ?? "";
        if (await CheckNameAsync(clean, null, cancellationToken) is { } failure)
        {
            return failure;
        }

        var next = await db.Categories.Select(c => (int?)c.SortOrder).MaxAsync(cancellationToken) + 1 ?? 0;
        var category = new Category { Id = Guid.CreateVersion7(), Name = clean, SortOrder = next };
        db.Categories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        return category;
    }

    public async Task<Result<Category>> RenameAsync(Guid id, string? name, CancellationToken cancellationToken)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return Failure.NotFound("That category does not exist.");
        }

        var clean = name?.Trim() ?? "";
        if (await CheckNameAsync(clean, id, cancellationToken) is { } failure)
        {
            return failure;
        }

        category.Name = clean;
        await db.SaveChangesAsync(cancellationToken);
        return category;
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

    private async Task<Failure?> CheckNameAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            return Failure.Invalid(nameof(Category.Name), "Give the category a name.");
        }

        if (name.Length > Category.NameMaxLength)
        {
            return Failure.Invalid(nameof(Category.Name), $"Keep category names under {Category.NameMaxLength} characters.");
        }

        return await db.Categories.AnyAsync(c => c.Name == name && c.Id != except, cancellationToken)
            ? Failure.Conflict($"There is already a category called \"{name}\".")
            : null;
    }
}
