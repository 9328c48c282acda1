using Platform.TelegramSandbox.Model;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Platform.TelegramSandbox.Control;

/// <summary>A buyer talking to a bot: send text or commands, press inline buttons, read the chat.</summary>
internal static class ConversationEndpoints
{
    internal sealed record SendText(string? Text);
    internal sealed record Press(int MessageId, string? CallbackData, string? Text);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/messages", (long userId, long botId, SendText body, SandboxStore store) =>
        {
            if (string.IsNullOrWhiteSpace(body.Text)) return ControlEndpoints.BadRequest("text is required");
            lock (store.Sync)
            {
                if (Find(store, userId, botId) is not ({ } user, { } bot)) return ControlEndpoints.NotFound("user or bot");
                var text = body.Text;
                var message = store.AddMessage(bot, user.ToPrivateChat(), user.ToUser(), m =>
                {
                    m.Text = text;
                    // Commands carry a bot_command entity, which is how Telegram.Bot and bots recognise them.
                    if (text.StartsWith('/'))
                    {
                        var length = text.IndexOf(' ') is var space and > 0 ? space : text.Length;
                        m.Entities = [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = length }];
                    }
                });
                store.Enqueue(bot, new Update { Message = message });
                return Results.Json(new { message.MessageId }, statusCode: 201);
            }
        });
        group.MapPost("/callbacks", (long userId, long botId, Press body, SandboxStore store) =>
        {
            lock (store.Sync)
            {
                if (Find(store, userId, botId) is not ({ } user, { } bot)) return ControlEndpoints.NotFound("user or bot");
                var message = store.ChatOf(bot, user.Id).Messages.FirstOrDefault(m => m.Id == body.MessageId && m.From?.Id == bot.Id);
                var button = message?.ReplyMarkup?.InlineKeyboard.SelectMany(r => r)
                    .FirstOrDefault(b => (body.CallbackData is not null && b.CallbackData == body.CallbackData)
                        || (body.CallbackData is null && b.Text == body.Text));
                if (message is null || button is null) return ControlEndpoints.NotFound("button");
                if (button.Url is { } url) return Results.Json(new { url });
                if (button.Pay) return ControlEndpoints.BadRequest("this is a Pay button: use POST /sandbox/v1/users/{userId}/payments");
                if (button.CallbackData is null) return ControlEndpoints.BadRequest("button has no callback_data");
                var record = new CallbackRecord { Id = store.NewId(""), BotId = bot.Id, UserId = user.Id };
                store.Data.Callbacks[record.Id] = record;
                store.Enqueue(bot, new Update
                {
                    CallbackQuery = new CallbackQuery
                    {
                        Id = record.Id,
                        From = user.ToUser(),
                        Message = message,
                        Data = button.CallbackData,
                        ChatInstance = $"{bot.Id ^ user.Id}",
                    },
                });
                return Results.Json(new { callback_query_id = record.Id }, statusCode: 201);
            }
        });
        group.MapGet("/chat", (long userId, long botId, SandboxStore store, HttpContext http) =>
        {
            lock (store.Sync)
            {
                if (Find(store, userId, botId) is not ({ } user, { } bot)) return ControlEndpoints.NotFound("user or bot");
                var log = store.ChatOf(bot, user.Id);
                var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
                return Results.Json(new
                {
                    user_stars = user.Stars,
                    messages = log.Messages.Select(m => MessageView.From(m, bot.Id, log, baseUrl)).ToList(),
                    keyboard = log.Keyboard?.Keyboard.Select(row => row.Select(b => b.Text).ToList()).ToList(),
                    notices = log.Notices,
                });
            }
        });
    }

    internal static (UserRecord?, BotRecord?) Find(SandboxStore store, long userId, long botId) =>
        (store.Data.Users.GetValueOrDefault(userId), store.Data.Bots.GetValueOrDefault(botId));
}
