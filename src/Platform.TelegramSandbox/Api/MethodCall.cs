using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.TelegramSandbox.Model;
using Telegram.Bot;

namespace Platform.TelegramSandbox.Api;

/// <summary>
/// One Bot API request after decoding: arguments normalised to JSON (numbers, booleans, nested objects)
/// whatever the wire format was, plus uploaded files.
/// </summary>
internal sealed class MethodCall(SandboxStore store, BotRecord bot, JsonObject args, IReadOnlyDictionary<string, IFormFile> files, IServiceProvider services)
{
    public SandboxStore Store { get; } = store;
    public BotRecord Bot { get; } = bot;
    public JsonObject Args { get; } = args;
    public IReadOnlyDictionary<string, IFormFile> Files { get; } = files;
    public IServiceProvider Services { get; } = services;

    public bool Has(string name) => Args[name] is not null;

    public string? Str(string name) => Args[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var n => n.ToJsonString(),
    };

    public string ReqStr(string name) => Str(name) ?? throw BotApiException.BadRequest($"{name} is empty");

    public long? Long(string name) => Args[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        _ => throw BotApiException.BadRequest($"invalid {name} specified"),
    };

    public long ReqLong(string name) => Long(name) ?? throw BotApiException.BadRequest($"{name} is empty");

    public bool? Bool(string name) => Args[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => throw BotApiException.BadRequest($"invalid {name} specified"),
    };

    /// <summary>Reads a nested object (reply_markup, prices, commands...) as the Telegram.Bot type.</summary>
    public T? Json<T>(string name) where T : class
    {
        var node = Args[name];
        if (node is null) return null;
        try { return node.Deserialize<T>(JsonBotAPI.Options); }
        catch (JsonException) { throw BotApiException.BadRequest($"can't parse {name} JSON object"); }
    }
}
