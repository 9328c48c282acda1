using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.TelegramSandbox.Api.Methods;
using Platform.TelegramSandbox.Model;
using Telegram.Bot;

namespace Platform.TelegramSandbox.Api;

/// <summary>
/// The Bot API surface at the root of the host: /bot{token}/{method} and /file/bot{token}/{path},
/// answering with Telegram's envelope, codes and wording.
/// </summary>
internal static partial class BotApiEndpoints
{
    /// <summary>Every served method; each must exist in <see cref="MethodSpecs"/> (checked at startup).</summary>
    public static readonly IReadOnlyDictionary<string, MethodHandler> Handlers = BuildHandlers();

    private static Dictionary<string, MethodHandler> BuildHandlers()
    {
        var handlers = new Dictionary<string, MethodHandler>(StringComparer.OrdinalIgnoreCase);
        BotMethods.Register(handlers);
        MessageMethods.Register(handlers);
        FileMethods.Register(handlers);
        UpdateMethods.Register(handlers);
        PaymentMethods.Register(handlers);
        ChatMethods.Register(handlers);
        var unspecified = handlers.Keys.Where(k => !MethodSpecs.All.ContainsKey(k)).ToList();
        if (unspecified.Count > 0) throw new InvalidOperationException("Methods missing from MethodSpecs: " + string.Join(", ", unspecified));
        return handlers;
    }

    public static void MapBotApi(this IEndpointRouteBuilder app)
    {
        // Not "/bot{token}/...": a complex route segment mis-splits tokens that contain "bot" themselves.
        app.MapMethods("/{botToken}/{method}", ["GET", "POST"], HandleAsync).ExcludeFromDescription();
        app.MapGet("/file/{botToken}/{**path}", (string botToken, string path, SandboxStore store) =>
        {
            lock (store.Sync)
            {
                if (TokenOf(botToken) is not { } token) return Error(404, "Not Found");
                if (store.FindBotByToken(token) is null) return Error(401, "Unauthorized");
                var file = store.Data.Files.Values.FirstOrDefault(f => f.FilePath == path);
                return file is null
                    ? Error(404, "Not Found")
                    : Results.File(file.Content, file.MimeType ?? "application/octet-stream", file.FileName);
            }
        }).ExcludeFromDescription();
    }

    /// <summary>
    /// The token of a "bot{id}:{secret}" segment; null for anything not shaped so, which Telegram answers 404 "Not Found"
    /// (a well-shaped token it does not know gets 401 "Unauthorized").
    /// </summary>
    private static string? TokenOf(string segment) =>
        segment.StartsWith("bot", StringComparison.Ordinal) && TokenShape().IsMatch(segment.AsSpan("bot".Length)) ? segment["bot".Length..] : null;

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    private static async Task<IResult> HandleAsync(HttpContext http, string botToken, string method, SandboxStore store)
    {
        if (TokenOf(botToken) is not { } token) return Error(404, "Not Found");
        BotRecord? bot;
        lock (store.Sync) bot = store.FindBotByToken(token);
        if (bot is null) return Error(401, "Unauthorized");
        if (!Handlers.TryGetValue(method, out var handler)) return Error(404, "Not Found");
        try
        {
            var (args, files) = await ArgumentReader.ReadAsync(http.Request, http.RequestAborted);
            ArgumentReader.Normalise(MethodSpecs.All[method], args, files);
            var result = await handler(new MethodCall(store, bot, args, files, http.RequestServices), http.RequestAborted);
            var body = new JsonObject { ["ok"] = true, ["result"] = JsonSerializer.SerializeToNode(result, result.GetType(), SandboxJson.Options) };
            return Results.Text(body.ToJsonString(), "application/json", statusCode: 200);
        }
        catch (BotApiException e)
        {
            return Error(e.Code, e.Description, e.RetryAfter);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The method name is logged, never the path: it carries the token.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotApiEndpoints))
                .LogError(e, "Bot API method {Method} failed", method);
            return Error(500, "Internal Server Error");
        }
    }

    internal static IResult Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds) body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return Results.Text(body.ToJsonString(ErrorJson), "application/json", statusCode: code);
    }

    /// <summary>
    /// Telegram writes "can't" with a literal apostrophe; the default encoder would send \u0027 (and \u003C for &lt;),
    /// which a client comparing descriptions as text sees as different. Safe here: the body is application/json, never
    /// HTML, and JSON's own escapes (quotes, backslashes, control characters) still apply.
    /// </summary>
    private static readonly JsonSerializerOptions ErrorJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
