using System.Text.Json;

namespace Platform.Core.Inbox;

/// <summary>
/// The little ingress reads from an update before storing it: its id, the chat it orders by, and whether it is a
/// pre-checkout query (answered on the fast path). Everything else stays raw JSON until a job parses it.
/// </summary>
public sealed record UpdateEnvelope(long UpdateId, long? ChatId, bool IsPreCheckout)
{
    /// <summary>Null when the body is not a JSON object with a numeric update_id.</summary>
    public static UpdateEnvelope? TryParse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 1024 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("update_id", out var id) || !id.TryGetInt64(out var updateId))
            {
                return null;
            }

            var isPreCheckout = root.TryGetProperty("pre_checkout_query", out var query);
            return new UpdateEnvelope(updateId, ChatOf(root, isPreCheckout ? query : default), isPreCheckout);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long? ChatOf(JsonElement root, JsonElement preCheckout)
    {
        foreach (var name in new[] { "message", "edited_message" })
        {
            if (root.TryGetProperty(name, out var message) && Long(message, "chat", "id") is { } chat)
            {
                return chat;
            }
        }

        // Channel access: a channel's or group's member updates and join requests keep their order in the chat's own lane.
        foreach (var name in new[] { "chat_member", "my_chat_member", "chat_join_request" })
        {
            if (root.TryGetProperty(name, out var changed) && Long(changed, "chat", "id") is { } chat)
            {
                return chat;
            }
        }

        // Private-chat bots: a callback or pre-checkout query belongs to the user's chat, whose id is the user id.
        if (root.TryGetProperty("callback_query", out var callback))
        {
            return Long(callback, "message", "chat", "id") ?? Long(callback, "from", "id");
        }

        return preCheckout.ValueKind == JsonValueKind.Object ? Long(preCheckout, "from", "id") : null;
    }

    private static long? Long(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value) ? value : null;
    }
}
