namespace Platform.Core.Catalog;

public enum ProductKind
{
    /// <summary>A file sent as a document, with a signed download link.</summary>
    File = 0,

    /// <summary>A key drawn from the product's pool; each key is sold exactly once.</summary>
    LicenseKey = 1,

    /// <summary>Text revealed after payment (a link, a code, instructions).</summary>
    Text = 2,

    /// <summary>A monthly Stars plan (Subscriptions module): access to chats and products while the membership lasts.</summary>
    Subscription = 3,
}
