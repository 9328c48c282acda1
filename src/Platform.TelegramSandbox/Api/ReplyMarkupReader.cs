using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.TelegramSandbox.Api;

/// <summary>reply_markup is a union; Telegram tells the kinds apart by their key field, and so do we.</summary>
internal static class ReplyMarkupReader
{
    public static ReplyMarkup? Read(MethodCall call)
    {
        if (call.Args["reply_markup"] is not JsonObject obj) return null;
        try
        {
            ReplyMarkup? markup = obj switch
            {
                _ when obj.ContainsKey("inline_keyboard") => obj.Deserialize<InlineKeyboardMarkup>(JsonBotAPI.Options),
                _ when obj.ContainsKey("keyboard") => obj.Deserialize<ReplyKeyboardMarkup>(JsonBotAPI.Options),
                _ when obj.ContainsKey("remove_keyboard") => obj.Deserialize<ReplyKeyboardRemove>(JsonBotAPI.Options),
                _ when obj.ContainsKey("force_reply") => obj.Deserialize<ForceReplyMarkup>(JsonBotAPI.Options),
                _ => null,
            };
            if (markup is InlineKeyboardMarkup inline) Validate(inline);
            return markup ?? throw BotApiException.BadRequest("can't parse reply keyboard markup JSON object");
        }
        catch (JsonException)
        {
            throw BotApiException.BadRequest("can't parse reply keyboard markup JSON object");
        }
    }

    private static void Validate(InlineKeyboardMarkup inline)
    {
        foreach (var button in inline.InlineKeyboard.SelectMany(row => row))
        {
            if (string.IsNullOrEmpty(button.Text)) throw BotApiException.BadRequest("text buttons are unallowed in the inline keyboard");
            if (button.CallbackData is { } data && (data.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(data) > 64))
                throw BotApiException.BadRequest("BUTTON_DATA_INVALID");
        }
    }
}
