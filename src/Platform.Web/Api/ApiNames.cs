using System.Text.Json;
using Platform.Core.Catalog;
using Platform.Core.Orders;

namespace Platform.Web.Api;

/// <summary>
/// How the merchant API spells enums: snake_case strings ("license_key", "published"), matching the JSON bodies
/// (error keys in camelCase are <see cref="ApiProblems.Invalid(IReadOnlyDictionary{string, string[]}, string, bool)"/>'s
/// job). Parsing is strict so a typo is a 400, not a silent default.
/// </summary>
public static class ApiNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string Allowed<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Of(v)));

    internal static bool IsKnown(ProductKind kind) => Enum.IsDefined(kind);

    internal static bool IsKnown(OrderStatus status) => Enum.IsDefined(status);
}
