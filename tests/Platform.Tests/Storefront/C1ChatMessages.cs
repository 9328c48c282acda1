using System.Text.Json;

namespace Platform.Tests.Storefront;

/// <summary>Reads the sandbox's view of a bot message for the storefront tests: button labels and formatting entities.</summary>
internal static class C1ChatMessages
{
    /// <summary>The label of the button whose callback data is exactly <paramref name="data"/>, or null.</summary>
    public static string? Label(JsonElement message, string data) =>
        message.TryGetProperty("buttons", out var rows) && rows.ValueKind == JsonValueKind.Array
            ? rows.EnumerateArray().SelectMany(r => r.EnumerateArray())
                .Where(b => b.TryGetProperty("callback_data", out var d) && d.GetString() == data)
                .Select(b => b.GetProperty("text").GetString()).FirstOrDefault()
            : null;

    /// <summary>Every callback data of the message's buttons, in order.</summary>
    public static List<string> Callbacks(JsonElement message) =>
        message.TryGetProperty("buttons", out var rows) && rows.ValueKind == JsonValueKind.Array
            ? [.. rows.EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(b => b.GetProperty("callback_data").GetString() ?? "")]
            : [];

    /// <summary>The message's entities (a caption's, for a photo) as "type offset length" (and the link of a text_link).</summary>
    public static List<string> Entities(JsonElement message) =>
        (message.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Array
            || message.TryGetProperty("caption_entities", out entities) && entities.ValueKind == JsonValueKind.Array)
            ? [.. entities.EnumerateArray().Select(e =>
                $"{e.GetProperty("type").GetString()} {e.GetProperty("offset").GetInt32()} {e.GetProperty("length").GetInt32()}"
                + (e.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String ? $" {url.GetString()}" : ""))]
            : [];
}
