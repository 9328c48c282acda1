namespace Platform.Core.Catalog;

/// <summary>One page of the bot's catalog (page numbers start at 0).</summary>
public sealed record CatalogPage(IReadOnlyList<Product> Items, int Page, int PageSize, int TotalCount)
{
    public bool HasPrevious => Page > 0;

    public bool HasNext => (Page + 1) * PageSize < TotalCount;
}
