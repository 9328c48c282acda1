using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Platform.Core.Events;

/// <summary>
/// The one serializer configuration for event data: what the outbox stores (jsonb) and therefore what webhooks send,
/// and what the JSON Schemas in docs/events are generated with — so the schemas describe the bytes on the wire.
/// </summary>
public static class EventJson
{
    /// <summary>
    /// snake_case names. Nullable annotations and constructor parameters count: a record says which properties are
    /// always present and never null, and the schema says the same. (Writing is the same as with the web defaults the
    /// outbox used before; those only change reading.)
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
