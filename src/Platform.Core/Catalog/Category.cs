using Platform.Core.Tenancy;

namespace Platform.Core.Catalog;

/// <summary>A shelf of the storefront; products are paged per category in the bot.</summary>
public sealed class Category : ITenantOwned
{
    public const int NameMaxLength = 64;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}
