using System.Text.Json;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Api.Methods;

/// <summary>getMe and the command menu.</summary>
internal static class BotMethods
{
    public static void Register(IDictionary<string, MethodHandler> map)
    {
        map["getMe"] = (call, _) =>
        {
            User me;
            lock (call.Store.Sync) me = call.Bot.ToUser();
            // getMe is where (and the only place) Telegram reports the bot's capabilities, false ones included.
            var json = JsonSerializer.SerializeToNode(me, SandboxJson.Options)!.AsObject();
            foreach (var (flag, value) in GetMeFields.All)
                json[flag] = value;
            return ValueTask.FromResult<object>(json);
        };
        map["setMyCommands"] = (call, _) =>
        {
            var commands = call.Json<BotCommand[]>("commands") ?? [];
            if (commands.Length > 100) throw BotApiException.BadRequest("too many commands specified");
            foreach (var c in commands)
            {
                if (string.IsNullOrEmpty(c.Command) || c.Command.Length > 32 || !c.Command.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch)
                    || ch == '_'))
                    throw BotApiException.BadRequest("BOT_COMMAND_INVALID");
                if (string.IsNullOrEmpty(c.Description) || c.Description.Length > 256)
                    throw BotApiException.BadRequest("command description is empty");
            }
            // Scopes and languages are accepted but the sandbox keeps one menu per bot.
            lock (call.Store.Sync)
            {
                call.Bot.Commands = [.. commands];
                call.Store.Dirty = true;
            }
            return ValueTask.FromResult<object>(true);
        };
        map["getMyCommands"] = (call, _) =>
        {
            lock (call.Store.Sync) return ValueTask.FromResult<object>(call.Bot.Commands.ToArray());
        };
    }
}
