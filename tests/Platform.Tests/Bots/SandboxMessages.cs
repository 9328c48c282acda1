using System.Text.Json;

namespace Platform.Tests.Bots;

/// <summary>
/// Reads what a buyer sees in one sandbox message (its JSON from the control API): button labels and callbacks, the
/// download link riding on an inline URL button, and formatting entities (a photo's or document's caption has its own).
/// </summary>
internal static class SandboxMessages
{
    /// <summary>The label of the button whose callback data is exactly <paramref name="data"/>, or null.</summary>
    public static string? Label(JsonElement message, string data) =>
        Buttons(message).Where(b => b.TryGetProperty("callback_data", out var d) && d.GetString() == data)
            .Select(b => b.GetProperty("text").GetString()).FirstOrDefault();

    /// <summary>Every callback data of the message's buttons, in order.</summary>
    public static List<string> Callbacks(JsonElement message) =>
        [.. Buttons(message).Select(b => b.TryGetProperty("callback_data", out var d) ? d.GetString() ?? "" : "")];

    /// <summary>The URL of the message's download button (a signed /d/ link), or null.</summary>
    public static string? DownloadUrl(JsonElement message) =>
        Buttons(message).Select(b => b.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null)
            .FirstOrDefault(u => u?.Contains("/d/", StringComparison.Ordinal) == true);

    public static bool HasDownloadButton(JsonElement message) => DownloadUrl(message) is not null;

    /// <summary>The message's entities as "type offset length" (and the link of a text_link).</summary>
    public static List<string> Entities(JsonElement message) =>
        [.. EntitiesOf(message).Select(e => $"{e.GetProperty("type").GetString()} {e.GetProperty("offset").GetInt32()} {e.GetProperty("length").GetInt32()}"
            + (e.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String ? $" {url.GetString()}" : ""))];

    /// <summary>The text of each entity of a type (bold, code...), cut out of the message's text or caption.</summary>
    public static List<string> EntityTexts(JsonElement message, string type)
    {
        var text = SandboxClient.Text(message) ?? "";
        return [.. EntitiesOf(message).Where(e => e.GetProperty("type").GetString() == type)
            .Select(e => text.Substring(e.GetProperty("offset").GetInt32(), e.GetProperty("length").GetInt32()))];
    }

    private static IEnumerable<JsonElement> Buttons(JsonElement message) =>
        SandboxClient.Has(message, "buttons") ? message.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray()) : [];

    private static JsonElement[] EntitiesOf(JsonElement message) =>
        SandboxClient.Has(message, "entities") ? [.. message.GetProperty("entities").EnumerateArray()]
        : SandboxClient.Has(message, "caption_entities") ? [.. message.GetProperty("caption_entities").EnumerateArray()]
        : [];
}
