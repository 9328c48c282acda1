namespace Platform.Core.Catalog;

/// <summary>
/// Fields of a product to create or change. On update, null means "leave as is" (PATCH semantics); to clear an
/// optional reference (category, photo, file) pass <see cref="Guid.Empty"/>.
/// </summary>
public sealed record ProductInput
{
    public ProductKind? Kind { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public int? PriceStars { get; init; }
    public ProductState? State { get; init; }
    public Guid? CategoryId { get; init; }
    public int? SortOrder { get; init; }
    public Guid? PhotoFileId { get; init; }
    public Guid? FileId { get; init; }
    public string? TextContent { get; init; }
    public int? DownloadLimit { get; init; }
}
