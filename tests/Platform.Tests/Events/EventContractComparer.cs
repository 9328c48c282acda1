using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Tests.Events;

/// <summary>
/// Compares a JSON example with a generated schema, both ways: every example property exists in the schema with a
/// JSON kind the schema allows, and every schema property appears in the example. Returns what disagrees, readably.
/// </summary>
internal static class EventContractComparer
{
    public static IReadOnlyList<string> Disagreements(string exampleJson, JsonObject schema)
    {
        using var document = JsonDocument.Parse(exampleJson);
        var example = document.RootElement;
        var properties = schema["properties"]?.AsObject() ?? new JsonObject();
        var problems = new List<string>();
        var documented = example.EnumerateObject().ToList();
        foreach (var property in documented)
        {
            if (properties[property.Name] is not { } propertySchema)
            {
                problems.Add($"`{property.Name}` is in the example but not in the record");
            }
            else if (!Allows(propertySchema, property.Value))
            {
                problems.Add($"`{property.Name}` is {Kind(property.Value)} in the example but {propertySchema["type"]?.ToJsonString()} in the record");
            }
        }

        problems.AddRange(properties.Select(p => p.Key).Where(name => documented.All(d => d.Name != name))
            .Select(name => $"`{name}` is in the record but not in the example"));
        return problems;
    }

    private static bool Allows(JsonNode propertySchema, JsonElement value)
    {
        var allowed = propertySchema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.Ordinal),
            JsonValue type => [type.GetValue<string>()],
            _ => null, // no type: anything goes
        };
        var kind = Kind(value);
        return allowed is null || allowed.Contains(kind) || (kind == "integer" && allowed.Contains("number"));
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "array",
        _ => "object",
    };
}
