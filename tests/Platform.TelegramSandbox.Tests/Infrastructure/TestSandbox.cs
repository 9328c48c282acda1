using System.Net.Http.Json;
using System.Text.Json;
using Platform.TelegramSandbox;
using Platform.TelegramSandbox.Hosting;
using Platform.TelegramSandbox.Time;

namespace Platform.TelegramSandbox.Tests.Infrastructure;

/// <summary>
/// A sandbox on a real loopback port with a frozen clock, plus a control-API client.
/// Each test starts its own, so clock moves never leak between tests.
/// </summary>
public sealed class TestSandbox : IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private TestSandbox(SandboxHost host)
    {
        Host = host;
        Control = new HttpClient { BaseAddress = host.BaseUrl };
    }

    public SandboxHost Host { get; }
    public HttpClient Control { get; }
    public string BaseUrl => Host.BaseUrl.ToString().TrimEnd('/');

    public static async Task<TestSandbox> StartAsync(Action<SandboxOptions>? configure = null, string? stateFile = null) =>
        new(await SandboxHost.StartAsync(new SandboxHostOptions
        {
            Clock = SandboxClock.Frozen(Epoch), StateFile = stateFile, Configure = configure,
        }));

    public async Task<TestBot> CreateBotAsync(string? username = null)
    {
        var bot = await PostAsync("sandbox/v1/bots", new { username });
        return new TestBot(bot.GetProperty("id").GetInt64(), bot.GetProperty("username").GetString()!, bot.GetProperty("token").GetString()!, BaseUrl);
    }

    public async Task<long> CreateUserAsync(string firstName = "Ann", long stars = 0) =>
        (await PostAsync("sandbox/v1/users", new { first_name = firstName, username = firstName.ToLowerInvariant(), stars })).GetProperty("id").GetInt64();

    public async Task<int> SendTextAsync(long userId, TestBot bot, string text) =>
        (await PostAsync($"sandbox/v1/users/{userId}/bots/{bot.Id}/messages", new { text })).GetProperty("message_id").GetInt32();

    public Task<JsonElement> ChatAsync(long userId, TestBot bot) => GetAsync($"sandbox/v1/users/{userId}/bots/{bot.Id}/chat");

    public Task<JsonElement> PayAsync(long userId, object body) => PostAsync($"sandbox/v1/users/{userId}/payments", body);

    public Task<JsonElement> AdvanceAsync(long seconds) => PostAsync("sandbox/v1/clock/advance", new { seconds });

    public async Task<long> StarsOfAsync(long userId) => (await GetAsync($"sandbox/v1/users/{userId}")).GetProperty("stars").GetInt64();

    public async Task<JsonElement> PostAsync(string path, object body, int? expectStatus = null)
    {
        using var response = await Control.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (expectStatus is { } s) Assert.Equal(s, (int)response.StatusCode);
        else Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Control.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await Host.DisposeAsync();
    }
}
