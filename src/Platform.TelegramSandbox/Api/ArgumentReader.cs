using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.TelegramSandbox.Api;

/// <summary>
/// Turns GET query, x-www-form-urlencoded, JSON and multipart/form-data requests into one JSON
/// argument object, then checks it against the method's parameter table the way Telegram does:
/// scalars in form encodings are strings, nested objects arrive JSON-serialized, unknown names are ignored.
/// </summary>
internal static class ArgumentReader
{
    public static async Task<(JsonObject Args, Dictionary<string, IFormFile> Files)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var args = new JsonObject();
        var files = new Dictionary<string, IFormFile>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query) args[key] = value.ToString();
        if (request.HasJsonContentType())
        {
            JsonNode? body;
            try { body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct); }
            catch (JsonException) { throw BotApiException.BadRequest("can't parse JSON request body"); }
            if (body is JsonObject obj)
                foreach (var (key, value) in obj) args[key] = value?.DeepClone();
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var (key, value) in form) args[key] = value.ToString();
            foreach (var file in form.Files) files[file.Name] = file;
        }
        return (args, files);
    }

    /// <summary>Validates presence and type of every declared parameter and normalises its JSON shape.</summary>
    public static void Normalise(MethodSpec spec, JsonObject args, IReadOnlyDictionary<string, IFormFile> files)
    {
        foreach (var p in spec.Params)
        {
            var node = args[p.Name];
            var isFileParam = p.Types.Contains("InputFile");
            if (node is null || (node is JsonValue v0 && v0.TryGetValue<string>(out var s0) && s0.Length == 0 && p.Types is not ["String"]))
            {
                args.Remove(p.Name);
                if (isFileParam && files.ContainsKey(p.Name)) continue;
                // Telegram reads an absent boolean as false, and clients (Telegram.Bot too) omit false values.
                if (p.Types is ["Boolean"]) continue;
                if (p.Required) throw BotApiException.BadRequest(MissingWording(spec.Name, p.Name));
                continue;
            }
            args[p.Name] = Coerce(p, node);
        }
    }

    /// <summary>Telegram's words for a missing required parameter: mostly "{name} is empty", with its own exceptions.</summary>
    private static string MissingWording(string method, string parameter) => (method, parameter) switch
    {
        ("sendMessage", "text") => "message text is empty",
        _ => $"{parameter} is empty",
    };

    private static JsonNode Coerce(ParamSpec p, JsonNode node)
    {
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        foreach (var type in p.Types)
        {
            switch (type)
            {
                case "Integer":
                    if (text is null && node is JsonValue n && n.TryGetValue<long>(out var l)) return JsonValue.Create(l);
                    if (text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l)) return JsonValue.Create(l);
                    break;
                case "Float":
                    if (text is null && node is JsonValue f && f.TryGetValue<double>(out var d)) return JsonValue.Create(d);
                    if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return JsonValue.Create(d);
                    break;
                case "Boolean":
                    if (text is null && node is JsonValue b && b.TryGetValue<bool>(out var flag)) return JsonValue.Create(flag);
                    if (text is "true" or "True" or "1") return JsonValue.Create(true);
                    if (text is "false" or "False" or "0") return JsonValue.Create(false);
                    break;
                case "String":
                case "InputFile":
                    if (text is not null) return JsonValue.Create(text);
                    if (node is JsonValue) return JsonValue.Create(node.ToJsonString().Trim('"'));
                    break;
                default:
                    // Objects and arrays: JSON as such, or JSON-serialized inside a string.
                    if (node is JsonObject or JsonArray) return node.DeepClone();
                    if (text is not null)
                    {
                        try
                        {
                            if (JsonNode.Parse(text) is { } parsed and (JsonObject or JsonArray)) return parsed;
                        }
                        catch (JsonException) { }
                    }
                    break;
            }
        }
        throw BotApiException.BadRequest(p.Types.Any(t => t is "Integer" or "Boolean" or "String" or "Float")
            ? $"invalid {p.Name} specified"
            : $"can't parse {p.Name} JSON object");
    }
}
