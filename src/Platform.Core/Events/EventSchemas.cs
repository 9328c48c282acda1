using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Platform.Core.Events;

/// <summary>
/// JSON Schemas of the event records and the envelope, generated with <see cref="EventJson.Options"/> (the options
/// events are stored with) and the records' <see cref="DescriptionAttribute"/>s. Published as docs/events/*.schema.json;
/// a test fails when a committed file differs from what this generates.
/// </summary>
public static class EventSchemas
{
    public const string EnvelopeName = "envelope";

    private static readonly JsonSerializerOptions FileJson = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable files; they are documents, not HTML
    };

    /// <summary>Schema of one event type's <c>data</c>, by type name (e.g. <c>order.paid</c>).</summary>
    public static JsonObject ForEvent(string typeName) => Generate(EventCatalog.Records[typeName], typeName);

    /// <summary>Schema of the webhook body.</summary>
    public static JsonObject ForEnvelope() => Generate(typeof(EventEnvelope), "Starfront webhook envelope");

    /// <summary>Every schema by file name (<c>order.paid.schema.json</c>, …, <c>envelope.schema.json</c>).</summary>
    public static IReadOnlyDictionary<string, JsonObject> All() =>
        EventCatalog.Records.Keys.Select(name => (File: FileName(name), Schema: ForEvent(name)))
            .Append((File: FileName(EnvelopeName), Schema: ForEnvelope()))
            .ToDictionary(s => s.File, s => s.Schema, StringComparer.Ordinal);

    public static string FileName(string name) => $"{name}.schema.json";

    /// <summary>The text committed under docs/events: two-space indent, LF, a final newline.</summary>
    public static string ToFileText(JsonNode schema) => schema.ToJsonString(FileJson) + "\n";

    private static JsonObject Generate(Type record, string title)
    {
        var generated = EventJson.Options.GetJsonSchemaAsNode(record, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Describe
        }).AsObject();
        var schema = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["title"] = title };
        foreach (var (name, value) in generated.ToList())
        {
            generated.Remove(name);
            schema[name] = value;
        }

        return schema;
    }

    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.TypeInfo.Type == typeof(JsonElement))
        {
            schema = new JsonObject { ["type"] = "object" }; // the envelope's data: an object whose shape depends on type
        }

        var attributes = context.PropertyInfo?.AttributeProvider ?? (context.Path.IsEmpty ? context.TypeInfo.Type : null);
        if (attributes?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false).FirstOrDefault() is DescriptionAttribute description &&
            schema is JsonObject node)
        {
            node.Insert(0, "description", description.Description);
        }

        return schema;
    }
}
