namespace Platform.Core.Catalog;

/// <summary>
/// The catalog's words for people: merchants read "License key", not <c>LicenseKey</c>. One place, so the product
/// list, form and detail, the keys page and the order pages all name kinds, states and key statuses alike.
/// </summary>
public static class ProductKindNames
{
    /// <summary>"File", "License key", "Secret text" or "Subscription (monthly)".</summary>
    public static string DisplayName(this ProductKind kind) => kind switch
    {
        ProductKind.File => "File",
        ProductKind.LicenseKey => "License key",
        ProductKind.Text => "Secret text",
        ProductKind.Subscription => "Subscription (monthly)",
        _ => "Unknown kind",
    };

    /// <summary>"Draft", "Published" or "Archived".</summary>
    public static string DisplayName(this ProductState state) => state switch
    {
        ProductState.Draft => "Draft",
        ProductState.Published => "Published",
        ProductState.Archived => "Archived",
        _ => "Unknown state",
    };

    /// <summary>"available", "reserved", "sold" or "revoked" (lower case: it reads inside sentences and tables alike).</summary>
    public static string DisplayName(this LicenseKeyStatus status) => status switch
    {
        LicenseKeyStatus.Available => "available",
        LicenseKeyStatus.Reserved => "reserved",
        LicenseKeyStatus.Sold => "sold",
        LicenseKeyStatus.Revoked => "revoked",
        _ => "unknown",
    };
}
