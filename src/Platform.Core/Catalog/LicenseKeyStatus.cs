namespace Platform.Core.Catalog;

public enum LicenseKeyStatus
{
    Available = 0,

    /// <summary>Held for one pending order between pre-checkout and payment (expires if not paid).</summary>
    Reserved = 1,

    Sold = 2,

    /// <summary>Sold, then refunded: never sold again.</summary>
    Revoked = 3,
}
