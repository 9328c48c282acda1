namespace Platform.Core.Catalog;

/// <summary>The storefront after a change, or field errors (nothing changed).</summary>
public sealed record StorefrontSaveResult(Storefront? Storefront, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
