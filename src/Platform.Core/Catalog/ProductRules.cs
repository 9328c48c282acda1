namespace Platform.Core.Catalog;

/// <summary>
/// What makes a product sellable, checked on every save (portal and API share it). Errors are keyed by
/// <see cref="ProductInput"/> property names; messages are written for the merchant.
/// </summary>
public static class ProductRules
{
    /// <summary>Telegram allows more Stars per invoice, but we cap a single item at 10,000 (see docs/catalog.md).</summary>
    public const int MinPriceStars = 1;

    public const int MaxPriceStars = 10_000;

    public const int TextContentMaxLength = 4000;

    public const int MaxDownloadLimit = 100;

    public static Dictionary<string, string[]> Validate(Product product)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(product.Title))
        {
            errors[nameof(ProductInput.Title)] = ["Give the product a title."];
        }
        else if (product.Title.Length > Product.TitleMaxLength)
        {
            errors[nameof(ProductInput.Title)] =
                [$"Telegram allows at most {Product.TitleMaxLength} characters in a title; this one has {product.Title.Length}."];
        }

        if (product.Description.Length > Product.DescriptionMaxLength)
        {
            errors[nameof(ProductInput.Description)] =
                [$"Keep the description under {Product.DescriptionMaxLength} characters (it has {product.Description.Length})."];
        }
        else if (!RichText.TryParse(product.Description, out _, out var formatting))
        {
            errors[nameof(ProductInput.Description)] = [formatting]; // the product card sends it in Telegram's HTML (docs/catalog.md)
        }

        if (product.PriceStars is < MinPriceStars or > MaxPriceStars)
        {
            errors[nameof(ProductInput.PriceStars)] = [$"The price is a whole number of Stars from {MinPriceStars} to {MaxPriceStars:N0}."];
        }

        if (!Enum.IsDefined(product.Kind))
        {
            errors[nameof(ProductInput.Kind)] = ["Choose file, license key, text or subscription."];
        }

        if (!Enum.IsDefined(product.State))
        {
            errors[nameof(ProductInput.State)] = ["Choose draft, published or archived."];
        }

        if (product.Kind == ProductKind.File && product.FileId is null)
        {
            errors[nameof(ProductInput.FileId)] = ["A file product needs the file buyers receive. Upload it on the Files page, then choose it here."];
        }

        if (product.Kind == ProductKind.Text && string.IsNullOrWhiteSpace(product.TextContent))
        {
            errors[nameof(ProductInput.TextContent)] = ["A text product needs the text revealed after payment (a link, a code, instructions)."];
        }
        else if (product.TextContent is { Length: > TextContentMaxLength })
        {
            errors[nameof(ProductInput.TextContent)] = [$"Keep the text under {TextContentMaxLength} characters (Telegram's message limit is 4096)."];
        }

        if (product.DownloadLimit is < 1 or > MaxDownloadLimit)
        {
            errors[nameof(ProductInput.DownloadLimit)] = [$"Allow from 1 to {MaxDownloadLimit} downloads per order."];
        }

        return errors;
    }
}
