using Platform.TelegramSandbox.Model;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Api;

/// <summary>Resolves chat_id (a user id, a channel id or @channelusername) the way Telegram refuses them.</summary>
internal static class ChatResolver
{
    /// <summary>Call under the store lock.</summary>
    public static Chat Resolve(MethodCall call, string parameter = "chat_id")
    {
        var data = call.Store.Data;
        var raw = call.ReqStr(parameter);
        if (raw.StartsWith('@'))
        {
            var channel = data.Channels.Values.FirstOrDefault(c => string.Equals("@" + c.Username, raw, StringComparison.OrdinalIgnoreCase))
                ?? throw BotApiException.BadRequest("chat not found");
            return RequireAdmin(call.Bot, channel);
        }
        var id = call.ReqLong(parameter);
        if (data.Channels.TryGetValue(id, out var ch)) return RequireAdmin(call.Bot, ch);
        if (!data.Users.TryGetValue(id, out var user)) throw BotApiException.BadRequest("chat not found");
        // A bot may only write to users who started it (or paid it, which opens the chat as well).
        if (!call.Bot.Chats.ContainsKey(id)) throw BotApiException.Forbidden("bot can't initiate conversation with a user");
        return user.ToPrivateChat();
    }

    public static ChannelRecord Channel(MethodCall call)
    {
        var chat = Resolve(call);
        return call.Store.Data.Channels.TryGetValue(chat.Id, out var channel)
            ? channel
            : throw BotApiException.BadRequest("method is available only for supergroups and channel");
    }

    public static UserRecord User(MethodCall call, string parameter = "user_id") =>
        call.Store.Data.Users.TryGetValue(call.ReqLong(parameter), out var user)
            ? user
            : throw BotApiException.BadRequest("user not found");

    private static Chat RequireAdmin(BotRecord bot, ChannelRecord channel) =>
        channel.AdminBotIds.Contains(bot.Id)
            ? channel.ToChat()
            : throw BotApiException.Forbidden("bot is not a member of the channel chat");
}
