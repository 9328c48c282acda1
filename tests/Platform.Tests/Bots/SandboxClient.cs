using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Tests.Bots;

/// <summary>The sandbox's control API, as a buyer and as BotFather: create bots and users, talk, press, pay, read the chat.</summary>
public sealed class SandboxClient(Uri baseUrl) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<(long Id, string Username, string Token)> CreateBotAsync(string? username = null)
    {
        var bot = await PostAsync("sandbox/v1/bots", new { username });
        return (bot.GetProperty("id").GetInt64(), bot.GetProperty("username").GetString()!, bot.GetProperty("token").GetString()!);
    }

    public async Task<long> CreateUserAsync(string firstName, long stars, string language = "en") =>
        (await PostAsync("sandbox/v1/users", new { first_name = firstName, username = firstName.ToLowerInvariant(), language_code = language, stars }))
            .GetProperty("id").GetInt64();

    public Task SendTextAsync(long userId, long botId, string text) =>
        PostAsync($"sandbox/v1/users/{userId}/bots/{botId}/messages", new { text });

    public Task PressAsync(long userId, long botId, int messageId, string callbackData) =>
        PostAsync($"sandbox/v1/users/{userId}/bots/{botId}/callbacks", new { message_id = messageId, callback_data = callbackData });

    /// <summary>Pays an invoice message; returns when the bot answered pre-checkout (status paid / rejected...).</summary>
    public Task<JsonElement> PayAsync(long userId, long botId, int messageId) =>
        PostAsync($"sandbox/v1/users/{userId}/payments", new { bot_id = botId, message_id = messageId });

    public async Task<List<JsonElement>> MessagesAsync(long userId, long botId)
    {
        var chat = await GetAsync($"sandbox/v1/users/{userId}/bots/{botId}/chat");
        return [.. chat.GetProperty("messages").EnumerateArray()];
    }

    public async Task<long> StarsAsync(long userId) => (await GetAsync($"sandbox/v1/users/{userId}")).GetProperty("stars").GetInt64();

    public Task<JsonElement> BotAsync(long botId) => GetAsync($"sandbox/v1/bots/{botId}");

    public async Task<byte[]> DownloadAsync(string url) => await http.GetByteArrayAsync(url);

    /// <summary>Waits (polling the chat, bounded) until a bot message matches; returns it.</summary>
    public async Task<JsonElement> WaitForAsync(long userId, long botId, Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = (await MessagesAsync(userId, botId)).Where(m => m.GetProperty("from_bot").GetBoolean()).LastOrDefault(match);
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var all = string.Join("\n", (await MessagesAsync(userId, botId)).Select(m => m.ToString()));
                throw new TimeoutException($"No matching bot message. Chat:\n{all}");
            }

            await Task.Delay(50);
        }
    }

    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => http.Dispose();

    /// <summary>Null members are left out of the sandbox's JSON.</summary>
    public static bool Has(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    public static string? Text(JsonElement message) =>
        Has(message, "text") ? message.GetProperty("text").GetString()
        : Has(message, "caption") ? message.GetProperty("caption").GetString() : null;

    public static bool HasButton(JsonElement message, string prefix) =>
        Has(message, "buttons")
        && message.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .Any(b => b.TryGetProperty("callback_data", out var d) && d.GetString()?.StartsWith(prefix, StringComparison.Ordinal) == true);

    public static string Button(JsonElement message, string prefix) =>
        message.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .Select(b => b.TryGetProperty("callback_data", out var d) ? d.GetString() ?? "" : "").First(d => d.StartsWith(prefix, StringComparison.Ordinal));
}
