namespace Platform.Core.Catalog;

/// <summary>The saved product, or why not: field errors (nothing changed) or not found.</summary>
public sealed record ProductSaveResult(Product? Product, IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false)
{
    public bool Succeeded => Product is not null && Errors.Count == 0;

    public static ProductSaveResult Missing { get; } = new(null, new Dictionary<string, string[]>(), NotFound: true);
}
