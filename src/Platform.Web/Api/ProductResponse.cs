using Platform.Core.Catalog;

namespace Platform.Web.Api;

/// <summary>A product as the API shows it; <see cref="Stock"/> is the count of sellable keys (key products only).</summary>
public sealed record ProductResponse(
    Guid Id,
    string Kind,
    string Title,
    string Description,
    string InvoiceDescription,
    int PriceStars,
    string State,
    Guid? CategoryId,
    int SortOrder,
    Guid? PhotoFileId,
    Guid? FileId,
    string? TextContent,
    int DownloadLimit,
    int? Stock,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ProductResponse From(ProductListItem item)
    {
        var p = item.Product;
        return new ProductResponse(p.Id, ApiNames.Of(p.Kind), p.Title, p.Description, p.InvoiceDescription(), p.PriceStars, ApiNames.Of(p.State),
            p.CategoryId, p.SortOrder, p.PhotoFileId, p.FileId, p.TextContent, p.DownloadLimit, item.Stock, p.CreatedAt, p.UpdatedAt);
    }
}
