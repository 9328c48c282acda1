namespace Platform.Core.Catalog;

/// <summary>A product with its stock: available keys for license-key products, null for the other kinds.</summary>
public sealed record ProductListItem(Product Product, int? Stock);
