namespace Platform.Core.Files;

/// <summary>
/// What other modules hold on to a stored file, asked before it is deleted. Owned here and implemented by the catalog
/// (<c>Catalog.CatalogFileUsage</c>: products' goods and photos, the welcome image), so Files never depends on Catalog.
/// </summary>
public interface IFileUsage
{
    /// <summary>Why the file must stay (a product delivers it), or null after letting go of the references that may go (images).</summary>
    Task<string?> ReleaseAsync(Guid fileId, CancellationToken cancellationToken);
}
