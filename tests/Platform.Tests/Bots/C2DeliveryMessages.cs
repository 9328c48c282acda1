using System.Text.Json;

namespace Platform.Tests.Bots;

/// <summary>
/// Reads a delivery out of a sandbox message: the download link rides on an inline URL button ("Download") rather than
/// in the text, and formatting (bold titles, tap-to-copy keys) arrives as entities.
/// </summary>
internal static class C2DeliveryMessages
{
    /// <summary>The URL of the message's download button (a signed /d/ link), or null.</summary>
    public static string? DownloadUrl(JsonElement message) =>
        !SandboxClient.Has(message, "buttons") ? null
        : message.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .Select(b => b.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null)
            .FirstOrDefault(u => u?.Contains("/d/", StringComparison.Ordinal) == true);

    public static bool HasDownloadButton(JsonElement message) => DownloadUrl(message) is not null;

    /// <summary>The text of each entity of a type (bold, code...), cut out of the message's text or caption.</summary>
    public static List<string> Entities(JsonElement message, string type)
    {
        var text = SandboxClient.Text(message) ?? "";
        var field = SandboxClient.Has(message, "entities") ? "entities" : "caption_entities"; // a document's caption has its own
        return !SandboxClient.Has(message, field) ? []
            : [.. message.GetProperty(field).EnumerateArray().Where(e => e.GetProperty("type").GetString() == type)
                .Select(e => text.Substring(e.GetProperty("offset").GetInt32(), e.GetProperty("length").GetInt32()))];
    }
}
