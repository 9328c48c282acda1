using System.Text.Json;

namespace Platform.Core.Inbox;

/// <summary>
/// The little ingress reads from an update before storing it: its id, the chat it orders by, and whether it is a
/// pre-checkout query (answered on the fast path), and its kind for the metrics. Everything else stays raw JSON until a
/// job parses it.
/// </summary>
public sealed record UpdateEnvelope(long UpdateId, long? ChatId, bool IsPreCheckout, string Kind = UpdateEnvelope.OtherKind)
{
    /// <summary>The kind label of an update whose field is not one of <see cref="Kinds"/> (keeps the label's values few).</summary>
    public const string OtherKind = "other";

    /// <summary>The update fields counted by name in <c>starfront_updates_ingested_total</c>; any other is "other".</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "message", "edited_message", "callback_query", "pre_checkout_query", "chat_member", "my_chat_member", "chat_join_request",
        "inline_query", "channel_post",
    };

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
            return new UpdateEnvelope(updateId, ChatOf(root, isPreCheckout ? query : default), isPreCheckout, KindOf(root));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string KindOf(JsonElement root)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name != "update_id")
            {
                return Kinds.Contains(property.Name) ? property.Name : OtherKind;
            }
        }

        return OtherKind;
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
