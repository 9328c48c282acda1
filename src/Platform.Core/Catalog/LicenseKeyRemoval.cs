namespace Platform.Core.Catalog;

/// <summary>What removing one key did: removed, refused because it was reserved, sold or revoked, or not found.</summary>
public enum LicenseKeyRemoval
{
    Removed = 0,

    /// <summary>The key exists but is not available (reserved, sold or revoked): it stays, as the orders need it.</summary>
    NotAvailable = 1,

    NotFound = 2,
}
