using System.Text;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.Core.Inbox;

/// <summary>
/// Stored update bytes → a Bot API <see cref="Update"/>. The inbox keeps whatever Telegram sent; what the Bot API types
/// cannot read comes out as <see cref="UnreadableUpdateException"/>, which the processor sets aside at once.
/// </summary>
internal static class UpdateReader
{
    /// <summary>
    /// Reads a sample of each update kind the bot handles once, at start: the Bot API types' first read JIT-compiles
    /// their converters (about a second on a busy core), which the first buyers after a start would otherwise wait for.
    /// </summary>
    public static void WarmUp()
    {
        const string from = "\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"W\",\"language_code\":\"en\"}";
        const string chat = "\"chat\":{\"id\":1,\"type\":\"private\",\"first_name\":\"W\"}";
        foreach (var json in new[]
        {
            $$$$"""{"update_id":1,"message":{"message_id":1,"date":1700000000,{{{{chat}}}},{{{{from}}}},"text":"/start"}}""",
            $$$$"""{"update_id":2,"callback_query":{"id":"1",{{{{from}}}},"chat_instance":"1","data":"c:root:0","message":{"message_id":1,"date":"""
                + $$$$"""1700000000,{{{{chat}}}},"text":"x"}}}""",
            $$$$"""{"update_id":3,"message":{"message_id":2,"date":1700000000,{{{{chat}}}},{{{{from}}}},"successful_payment":"""
                + $$$$"""{"currency":"XTR","total_amount":1,"invoice_payload":"x","telegram_payment_charge_id":"c","provider_payment_charge_id":""}}}""",
        })
        {
            Read(Encoding.UTF8.GetBytes(json));
        }
    }

    /// <summary>The stored bytes as a Bot API update; whatever the reader throws (bad JSON, invalid UTF-8 or UTF-16) makes it unreadable.</summary>
    public static Update Read(byte[] payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Update>(payload, JsonBotAPI.Options) ?? throw new JsonException("The update is null.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or NotSupportedException or FormatException)
        {
            throw new UnreadableUpdateException(e);
        }
    }

}
