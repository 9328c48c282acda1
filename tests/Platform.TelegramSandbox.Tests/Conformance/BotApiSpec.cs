using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.TelegramSandbox.Tests.Conformance;

/// <summary>bot-api.json (Bot API 10.1, copied beside the tests with its MIT licence) and a checker for emitted JSON.</summary>
public sealed class BotApiSpec
{
    private BotApiSpec(JsonObject root)
    {
        Methods = root["methods"]!.AsObject();
        Types = root["types"]!.AsObject();
    }

    public JsonObject Methods { get; }
    public JsonObject Types { get; }

    public static BotApiSpec Load() =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Spec", "bot-api.json")))!.AsObject());

    public static IEnumerable<(string Name, bool Required, string[] Types)> Fields(JsonNode? owner) =>
        owner?["fields"]?.AsArray().Select(f => (f!["name"]!.GetValue<string>(), f["required"]!.GetValue<bool>(),
            f["types"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray())) ?? [];

    /// <summary>Every problem found when reading <paramref name="value"/> as the spec type <paramref name="type"/>.</summary>
    public List<string> Check(JsonNode? value, string type, string path)
    {
        var errors = new List<string>();
        if (type.StartsWith("Array of ", StringComparison.Ordinal))
        {
            if (value is not JsonArray array) return [$"{path}: expected an array"];
            for (var i = 0; i < array.Count; i++) errors.AddRange(Check(array[i], type["Array of ".Length..], $"{path}[{i}]"));
            return errors;
        }
        switch (type)
        {
            case "Integer":
                return value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.ToJsonString().All(c => char.IsDigit(c) || c == '-')
                ? [] : [$"{path}: expected Integer"];
            case "Float": return value?.GetValueKind() == JsonValueKind.Number ? [] : [$"{path}: expected Float"];
            case "String": return value?.GetValueKind() == JsonValueKind.String ? [] : [$"{path}: expected String"];
            case "Boolean": return value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? [] : [$"{path}: expected Boolean"];
            case "True": return value?.GetValueKind() == JsonValueKind.True ? [] : [$"{path}: expected True"];
        }
        if (Types[type] is not JsonObject spec) return [$"{path}: unknown spec type {type}"];
        if (spec["subtypes"] is JsonArray subtypes)
        {
            var attempts = subtypes.Select(s => Check(value, s!.GetValue<string>(), path)).ToList();
            return attempts.Any(a => a.Count == 0) ? []
                : [$"{path}: matches no subtype of {type}: {string.Join("; ", attempts.Select(a => a.FirstOrDefault()))}"];
        }
        if (value is not JsonObject obj) return [$"{path}: expected {type} object"];
        var fields = Fields(spec).ToDictionary(f => f.Name);
        foreach (var (key, child) in obj)
        {
            if (!fields.TryGetValue(key, out var field)) { errors.Add($"{path}.{key}: not a field of {type}"); continue; }
            var attempts = field.Types.Select(t => Check(child, t, $"{path}.{key}")).ToList();
            if (attempts.All(a => a.Count > 0)) errors.AddRange(attempts[0]);
        }
        errors.AddRange(fields.Values.Where(f => f.Required && !obj.ContainsKey(f.Name)).Select(f => $"{path}.{f.Name}: required by {type} but missing"));
        return errors;
    }
}
