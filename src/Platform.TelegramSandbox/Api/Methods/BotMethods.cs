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
            // Scopes are accepted but the sandbox keeps one menu per bot and language (the default one without language_code).
            var language = Language(call);
            lock (call.Store.Sync)
            {
                if (language is null)
                    call.Bot.Commands = [.. commands];
                else if (commands.Length == 0)
                    call.Bot.CommandsByLanguage.Remove(language);
                else
                    call.Bot.CommandsByLanguage[language] = [.. commands];
                call.Store.Dirty = true;
            }
            return ValueTask.FromResult<object>(true);
        };
        map["getMyCommands"] = (call, _) =>
        {
            // As Telegram: the list set for exactly this language (empty when none), not the default one.
            var language = Language(call);
            lock (call.Store.Sync)
                return ValueTask.FromResult<object>(language is null ? call.Bot.Commands.ToArray()
                    : call.Bot.CommandsByLanguage.GetValueOrDefault(language)?.ToArray() ?? []);
        };
    }

    /// <summary>language_code: empty or absent is the default menu; otherwise a two-letter ISO 639-1 code, as Telegram requires.</summary>
    private static string? Language(MethodCall call)
    {
        var code = call.Str("language_code");
        if (string.IsNullOrEmpty(code)) return null;
        if (code.Length != 2 || !code.All(char.IsAsciiLetterLower)) throw BotApiException.BadRequest("LANG_CODE_INVALID");
        return code;
    }
}
