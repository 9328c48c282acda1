namespace Platform.Core.Catalog;

/// <summary>Languages the platform's own bot messages come in (Persian is right-to-left).</summary>
public static class StorefrontLanguages
{
    public static readonly IReadOnlyList<string> All = ["en", "fa", "ru"];

    public static bool IsSupported(string? code) => code is not null && All.Contains(code);
}
