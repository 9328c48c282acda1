namespace Platform.Core.Catalog;

/// <summary>The main buttons a merchant may relabel (keys of <see cref="StoreSettings.ButtonTexts"/>) and their defaults.</summary>
public static class StorefrontButtons
{
    public const int TextMaxLength = 40;

    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        ["catalog"] = "🛍 Catalog",
        ["orders"] = "📦 My orders",
        ["about"] = "ℹ️ About",
        ["support"] = "💬 Support",
        ["terms"] = "📄 Terms",
        ["buy"] = "Buy",
        ["back"] = "« Back",
        ["more"] = "More »",
    };
}
