using Microsoft.Extensions.DependencyInjection;
using Platform.TelegramSandbox.Model;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.TelegramSandbox.Api.Methods;

/// <summary>What every send* method shares: chat resolution, flood control, reply markup, storing the message.</summary>
internal static class Outgoing
{
    /// <summary>Call under the store lock.</summary>
    public static Message Send(MethodCall call, Action<Message> fill)
    {
        var chat = ChatResolver.Resolve(call);
        var markup = ReplyMarkupReader.Read(call);
        call.Services.GetRequiredService<RateLimiter>().Take(call.Bot, chat.Id); // counts a refusal on the bot's record
        var log = call.Store.ChatOf(call.Bot, chat.Id);
        switch (markup)
        {
            case ReplyKeyboardMarkup keyboard: log.Keyboard = keyboard; break;
            case ReplyKeyboardRemove: log.Keyboard = null; break;
        }
        return call.Store.AddMessage(call.Bot, chat, call.Bot.ToUser(), m =>
        {
            m.ReplyMarkup = markup as InlineKeyboardMarkup;
            if (chat.Type == Telegram.Bot.Types.Enums.ChatType.Channel)
            {
                // Channel posts are signed by the channel, not by the bot that wrote them.
                m.From = null;
                m.SenderChat = chat;
            }
            if (call.Bool("protect_content") == true) m.HasProtectedContent = true;
            fill(m);
        });
    }

    /// <summary>Applies parse_mode to a text or caption: HTML and MarkdownV2 become entities; legacy Markdown is kept as sent.</summary>
    public static (string Text, MessageEntity[]? Entities) Format(MethodCall call, string text, string entitiesParameter, string textParameter)
    {
        CheckParseMode(call);
        var given = call.Json<MessageEntity[]>(entitiesParameter);
        if (given is not null) return (text, given); // explicit entities win over parse_mode, as on Telegram
        return call.Str("parse_mode")?.ToLowerInvariant() switch
        {
            "html" => HtmlMarkup.Parse(text, textParameter),
            "markdownv2" => MarkdownV2Markup.Parse(text, textParameter),
            _ => (text, null), // legacy Markdown: kept as sent
        };
    }

    public static void CheckParseMode(MethodCall call, string parameter = "parse_mode")
    {
        // Telegram matches parse modes case-insensitively; Format applies HTML and MarkdownV2.
        if (call.Str(parameter) is { Length: > 0 } mode && mode.ToLowerInvariant() is not ("html" or "markdown" or "markdownv2"))
            throw BotApiException.BadRequest($"unsupported parse_mode");
    }

    /// <summary>The bot wrote it: in a private chat, or as a channel post in a channel it administers.</summary>
    public static bool IsOwn(Message message, long botId) =>
        message.From?.Id == botId || (message.From is null && message.SenderChat?.Id == message.Chat.Id);

    /// <summary>Finds a message the bot sent in a chat (for edits and deletes).</summary>
    public static Message Find(MethodCall call, string notFound)
    {
        if (!call.Has("chat_id") || !call.Has("message_id"))
            throw BotApiException.BadRequest(call.Has("inline_message_id") ? "inline messages are not simulated by the sandbox"
                : "message identifier is not specified");
        var chat = ChatResolver.Resolve(call);
        var id = call.ReqLong("message_id");
        var log = call.Store.ChatOf(call.Bot, chat.Id);
        return log.Messages.FirstOrDefault(m => m.Id == id) ?? throw BotApiException.BadRequest(notFound);
    }
}
