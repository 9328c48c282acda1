using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Telegram.Bot;

namespace Platform.TelegramSandbox.Api;

/// <summary>
/// How the sandbox writes Telegram objects: Telegram.Bot's own options, except that fields the spec
/// requires are always written, even when false or 0 (e.g. User.is_bot, ChatInviteLink.is_revoked).
/// </summary>
internal static class SandboxJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonBotAPI.Options);
        var resolver = options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver();
        options.TypeInfoResolver = resolver.WithAddedModifier(info =>
        {
            if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace?.StartsWith("Telegram.Bot.Types", StringComparison.Ordinal) != true) return;
            var specName = info.Type == typeof(Telegram.Bot.Types.TGFile) ? "File" : info.Type.Name;
            foreach (var property in info.Properties)
                if (RequiredValueFields.All.Contains($"{specName}.{property.Name}"))
                    property.ShouldSerialize = static (_, value) => value is not null;
        });
        options.MakeReadOnly();
        return options;
    }
}
