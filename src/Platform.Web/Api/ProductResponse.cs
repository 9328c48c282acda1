using Platform.Core.Catalog;
using Platform.Core.Subscriptions;

namespace Platform.Web.Api;

/// <summary>
/// A product as the API shows it; <see cref="Stock"/> is the count of sellable keys (key products only), <see cref="Grants"/> what a
/// subscription plan grants (subscription products only).
/// </summary>
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
    DateTimeOffset UpdatedAt,
    PlanGrantsResponse? Grants)
{
    /// <summary>The product, with its grants when it is a subscription plan (<paramref name="plan"/> given).</summary>
    public static ProductResponse From(ProductListItem item, PlanDetails? plan = null)
    {
        var p = item.Product;
        return new ProductResponse(p.Id, ApiNames.Of(p.Kind), p.Title, p.Description, p.InvoiceDescription(), p.PriceStars, ApiNames.Of(p.State),
            p.CategoryId, p.SortOrder, p.PhotoFileId, p.FileId, p.TextContent, p.DownloadLimit, item.Stock, p.CreatedAt, p.UpdatedAt,
            p.Kind == ProductKind.Subscription && plan is not null ? PlanGrantsResponse.From(plan) : null);
    }
}
