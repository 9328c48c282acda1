using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Tests.Conformance;

/// <summary>Reads JSON into Telegram.Bot's type for a spec type name, writes it back, and lists any field that did not survive.</summary>
public static class RoundTrip
{
    private static readonly Dictionary<string, Type> TelegramTypes = typeof(Update).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.Namespace?.StartsWith("Telegram.Bot.Types", StringComparison.Ordinal) == true)
        .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First());

    public static Type ClrType(string specType) => specType switch
    {
        _ when specType.StartsWith("Array of ", StringComparison.Ordinal) => ClrType(specType["Array of ".Length..]).MakeArrayType(),
        "Boolean" or "True" => typeof(bool),
        "String" => typeof(string),
        "Integer" => typeof(long),
        "File" => typeof(TGFile),
        _ => TelegramTypes.TryGetValue(specType, out var t) ? t : throw new InvalidOperationException($"No Telegram.Bot type for {specType}"),
    };

    public static List<string> LostFields(JsonNode original, string specType)
    {
        var type = ClrType(specType);
        var typed = original.Deserialize(type, JsonBotAPI.Options);
        var back = JsonSerializer.SerializeToNode(typed, type, JsonBotAPI.Options);
        var lost = new List<string>();
        Compare(original, back, "$", lost);
        return lost;
    }

    private static void Compare(JsonNode? original, JsonNode? back, string path, List<string> lost)
    {
        switch (original)
        {
            case JsonObject o:
                if (back is not JsonObject b) { lost.Add(path); return; }
                foreach (var (key, child) in o)
                {
                    // Telegram.Bot writes no false/0 values, but it read them: the property holds the same default.
                    if (!b.ContainsKey(key) && child?.ToJsonString() is "false" or "0") continue;
                    Compare(child, b[key], $"{path}.{key}", lost);
                }
                break;
            case JsonArray a:
                if (back is not JsonArray ba || ba.Count != a.Count) { lost.Add(path); return; }
                for (var i = 0; i < a.Count; i++) Compare(a[i], ba[i], $"{path}[{i}]", lost);
                break;
            default:
                if (!JsonNode.DeepEquals(original, back)) lost.Add($"{path} ({original?.ToJsonString()} → {back?.ToJsonString()})");
                break;
        }
    }
}
