using Platform.Core.Catalog;

namespace Platform.Core.Administration;

/// <summary>A product as the admin's store view shows it: what it is and what it costs, not its goods.</summary>
public sealed record StoreViewProduct(string Title, ProductKind Kind, int PriceStars, ProductState State);
