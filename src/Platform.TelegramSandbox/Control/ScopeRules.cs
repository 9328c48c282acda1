using System.Globalization;
using Platform.TelegramSandbox.Model;

namespace Platform.TelegramSandbox.Control;

/// <summary>
/// The check every scoped request passes before its endpoint runs: each bot, user and file its route names must have
/// been made under the caller's scope. Done once here, on the route values, rather than in each handler, so no
/// endpoint can forget it; a miss answers 404, as for an id that does not exist (nothing says another scope has it).
/// </summary>
internal static class ScopeRules
{
    public static bool RouteInScope(HttpContext http, SandboxStore store, string scope)
    {
        var values = http.Request.RouteValues;
        lock (store.Sync)
        {
            if (Id(values, "botId") is { } botId && store.Data.Bots.GetValueOrDefault(botId)?.Scope != scope)
            {
                return false;
            }

            if (Id(values, "userId") is { } userId && store.Data.Users.GetValueOrDefault(userId)?.Scope != scope)
            {
                return false;
            }

            return values["fileId"] is not string fileId || store.Data.Files.GetValueOrDefault(fileId)?.Scope == scope;
        }
    }

    private static long? Id(RouteValueDictionary values, string name) =>
        values[name] is string text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
}
