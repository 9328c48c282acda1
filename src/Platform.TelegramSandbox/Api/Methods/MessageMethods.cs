using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.TelegramSandbox.Api.Methods;

/// <summary>sendMessage, edits, deletes and answerCallbackQuery.</summary>
internal static class MessageMethods
{
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    public static void Register(IDictionary<string, MethodHandler> map)
    {
        map["sendMessage"] = (call, _) =>
        {
            var text = call.ReqStr("text");
            if (text.Trim().Length == 0) throw BotApiException.BadRequest("message text is empty");
            var (plain, entities) = Outgoing.Format(call, text, "entities", "text");
            if (plain.Length > 4096) throw BotApiException.BadRequest("message is too long");
            if (plain.Trim().Length == 0) throw BotApiException.BadRequest("message text is empty");
            lock (call.Store.Sync)
                return ValueTask.FromResult<object>(Outgoing.Send(call, m => { m.Text = plain; m.Entities = entities; }));
        };
        map["editMessageText"] = (call, _) =>
        {
            var text = call.Str("text");
            if (string.IsNullOrWhiteSpace(text)) throw BotApiException.BadRequest("message text is empty");
            var (plain, entities) = Outgoing.Format(call, text, "entities", "text");
            var markup = ReplyMarkupReader.Read(call) as InlineKeyboardMarkup;
            lock (call.Store.Sync)
            {
                var message = Outgoing.Find(call, "message to edit not found");
                if (!Outgoing.IsOwn(message, call.Bot.Id) || message.Text is null) throw BotApiException.BadRequest("message can't be edited");
                if (message.Text == plain && SameEntities(message.Entities, entities) && SameMarkup(message.ReplyMarkup, markup))
                    throw BotApiException.BadRequest(NotModified);
                message.Text = plain;
                message.Entities = entities;
                message.ReplyMarkup = markup;
                message.EditDate = call.Store.Now.UtcDateTime;
                call.Store.Dirty = true;
                return ValueTask.FromResult<object>(message);
            }
        };
        map["editMessageReplyMarkup"] = (call, _) =>
        {
            var markup = ReplyMarkupReader.Read(call) as InlineKeyboardMarkup;
            lock (call.Store.Sync)
            {
                var message = Outgoing.Find(call, "message to edit not found");
                if (!Outgoing.IsOwn(message, call.Bot.Id)) throw BotApiException.BadRequest("message can't be edited");
                if (SameMarkup(message.ReplyMarkup, markup)) throw BotApiException.BadRequest(NotModified);
                message.ReplyMarkup = markup;
                message.EditDate = call.Store.Now.UtcDateTime;
                call.Store.Dirty = true;
                return ValueTask.FromResult<object>(message);
            }
        };
        map["deleteMessage"] = (call, _) =>
        {
            lock (call.Store.Sync)
            {
                var message = Outgoing.Find(call, "message to delete not found");
                call.Store.ChatOf(call.Bot, message.Chat.Id).Messages.Remove(message);
                call.Store.Dirty = true;
                return ValueTask.FromResult<object>(true);
            }
        };
        map["answerCallbackQuery"] = (call, _) =>
        {
            var id = call.ReqStr("callback_query_id");
            lock (call.Store.Sync)
            {
                if (!call.Store.Data.Callbacks.TryGetValue(id, out var query) || query.BotId != call.Bot.Id || query.Answered)
                    throw BotApiException.BadRequest("query is too old and response timeout expired or query ID is invalid");
                query.Answered = true;
                query.AnswerText = call.Str("text");
                query.ShowAlert = call.Bool("show_alert") ?? false;
                if (query.AnswerText is { Length: > 0 } notice) call.Store.ChatOf(call.Bot, query.UserId).Notices.Add(notice);
                call.Store.Dirty = true;
                call.Store.Changed.Pulse();
                return ValueTask.FromResult<object>(true);
            }
        };
    }

    private static bool SameEntities(MessageEntity[]? a, MessageEntity[]? b) =>
        JsonSerializer.Serialize(a, JsonBotAPI.Options) == JsonSerializer.Serialize(b, JsonBotAPI.Options);

    private static bool SameMarkup(InlineKeyboardMarkup? a, InlineKeyboardMarkup? b) =>
        JsonSerializer.Serialize(a, JsonBotAPI.Options) == JsonSerializer.Serialize(b, JsonBotAPI.Options);
}
