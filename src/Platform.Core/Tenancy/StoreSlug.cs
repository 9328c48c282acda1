using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Core.Tenancy;

/// <summary>Store addresses: lowercase latin letters, digits and single hyphens, 3–48 characters.</summary>
public static partial class StoreSlug
{
    private static readonly HashSet<string> Reserved =
    [
        "admin", "api", "app", "assets", "connect", "d", "health", "login", "logout", "portal", "sandbox",
        "signup", "static", "stores", "support", "telegram", "www", "invite", "account", "metrics", "switch",
    ];

    public static bool IsValid(string slug) => ValidPattern().IsMatch(slug) && !Reserved.Contains(slug);

    /// <summary>Derives an address from a store name; non-latin names fall back to "store".</summary>
    public static string FromName(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-' && (char.IsWhiteSpace(c) || c is '-' or '_' or '.'))
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > Tenant.SlugMaxLength - 4)
        {
            slug = slug[..(Tenant.SlugMaxLength - 4)].Trim('-');
        }

        return slug.Length < 3 || Reserved.Contains(slug) ? "store" + (slug.Length > 0 ? "-" + slug : string.Empty) : slug;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,47}$")]
    private static partial Regex ValidPattern();
}
