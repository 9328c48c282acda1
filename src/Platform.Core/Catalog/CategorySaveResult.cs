namespace Platform.Core.Catalog;

/// <summary>The saved category, or a message for the merchant; <see cref="Conflict"/> when the name is taken, <see cref="NotFound"/> when the id is unknown.</summary>
public sealed record CategorySaveResult(Category? Category, string? Error, bool Conflict = false, bool NotFound = false)
{
    public bool Succeeded => Category is not null;
}
