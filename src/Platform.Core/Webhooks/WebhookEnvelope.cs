using System.Text.Json;

namespace Platform.Core.Webhooks;

/// <summary>The body every webhook carries: <c>{ "id", "type", "api_version", "created_at", "tenant_id", "data" }</c>.</summary>
public static class WebhookEnvelope
{
    public static byte[] Build(Guid eventId, string type, string apiVersion, DateTimeOffset createdAt, Guid tenantId, string dataJson)
    {
        using var buffer = new MemoryStream(256 + dataJson.Length);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", eventId);
            json.WriteString("type", type);
            json.WriteString("api_version", apiVersion);
            json.WriteString("created_at", createdAt.ToUniversalTime());
            json.WriteString("tenant_id", tenantId);
            json.WritePropertyName("data");
            json.WriteRawValue(dataJson, skipInputValidation: true); // jsonb from PostgreSQL is valid JSON
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
