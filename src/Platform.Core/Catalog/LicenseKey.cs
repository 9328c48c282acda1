using Platform.Core.Tenancy;

namespace Platform.Core.Catalog;

/// <summary>One key of a product's pool. Sold exactly once: reservation and sale are conditional updates.</summary>
public sealed class LicenseKey : ITenantOwned
{
    public const int ValueMaxLength = 512;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ProductId { get; set; }
    public required string Value { get; set; }
    public LicenseKeyStatus Status { get; set; }
    public Guid? OrderId { get; set; }
    public DateTimeOffset? ReservedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
