using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.TelegramSandbox.Api;
using Platform.TelegramSandbox.Model;

namespace Platform.TelegramSandbox.Webhooks;

/// <summary>
/// Telegram lets a webhook answer with a Bot API call in its response body ({"method":"sendMessage",...}).
/// As on Telegram, the bot never learns whether that call worked, so errors are swallowed.
/// </summary>
internal static class WebhookReplyMethod
{
    public static async Task RunAsync(SandboxStore store, BotRecord bot, string body, IServiceProvider services, CancellationToken ct)
    {
        JsonObject? args;
        try { args = JsonNode.Parse(body) as JsonObject; }
        catch (JsonException) { return; }
        if (args?["method"]?.GetValueKind() != JsonValueKind.String) return;
        var method = args["method"]!.GetValue<string>();
        if (!BotApiEndpoints.Handlers.TryGetValue(method, out var handler) || method.Equals("getUpdates", StringComparison.OrdinalIgnoreCase)) return;
        try
        {
            var files = new Dictionary<string, IFormFile>();
            ArgumentReader.Normalise(MethodSpecs.All[method], args, files);
            await handler(new MethodCall(store, bot, args, files, services), ct);
        }
        catch (BotApiException) { }
    }
}
