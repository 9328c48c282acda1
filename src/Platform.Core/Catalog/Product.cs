using Platform.Core.Tenancy;

namespace Platform.Core.Catalog;

/// <summary>Something a store sells for whole Stars.</summary>
public sealed class Product : ITenantOwned
{
    /// <summary>Telegram's invoice title limit.</summary>
    public const int TitleMaxLength = 32;

    /// <summary>Telegram's invoice description limit; longer descriptions are cut for the invoice only.</summary>
    public const int InvoiceDescriptionMaxLength = 255;

    public const int DescriptionMaxLength = 4000;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public ProductKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public int PriceStars { get; set; }
    public ProductState State { get; set; }
    public Guid? CategoryId { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Optional product photo (a stored file of this tenant).</summary>
    public Guid? PhotoFileId { get; set; }

    /// <summary>For <see cref="ProductKind.File"/>: the file delivered.</summary>
    public Guid? FileId { get; set; }

    /// <summary>For <see cref="ProductKind.Text"/>: the content revealed after payment.</summary>
    public string? TextContent { get; set; }

    /// <summary>Downloads allowed per order through <c>/d/</c> links.</summary>
    public int DownloadLimit { get; set; } = 5;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The description as the invoice carries it: whole when it fits Telegram's 255 characters, otherwise cut at
    /// a word boundary with an ellipsis (the full text stays on the product card). Invoices take no formatting: the
    /// description's visible text only (<see cref="RichText"/>).
    /// </summary>
    public string InvoiceDescription()
    {
        var plain = RichText.Safe(Description).PlainText.Trim();
        var text = plain.Length == 0 ? Title : plain;
        if (text.Length <= InvoiceDescriptionMaxLength)
        {
            return text;
        }

        var cut = text[..(InvoiceDescriptionMaxLength - 1)];
        var space = cut.LastIndexOfAny([' ', '\n', '\t']);
        if (space > InvoiceDescriptionMaxLength / 2)
        {
            cut = cut[..space];
        }

        // Never end on half of a surrogate pair (emoji are common in shop texts).
        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }
}
