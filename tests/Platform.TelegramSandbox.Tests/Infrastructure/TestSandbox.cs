using System.Net.Http.Json;
using System.Text.Json;
using Platform.TelegramSandbox;
using Platform.TelegramSandbox.Control.Client;
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
        Client = new SandboxControlClient(Control);
    }

    /// <summary>The typed control client the platform's own tests would use.</summary>
    public SandboxControlClient Client { get; }

    public SandboxHost Host { get; }
    public HttpClient Control { get; }
    public string BaseUrl => Host.BaseUrl.ToString().TrimEnd('/');

    public static async Task<TestSandbox> StartAsync(Action<SandboxOptions>? configure = null, string? stateFile = null) =>
        new(await SandboxHost.StartAsync(new SandboxHostOptions
        {
            Clock = SandboxClock.Frozen(Epoch),
            StateFile = stateFile,
            Configure = configure,
        }));

    public async Task<TestBot> CreateBotAsync(string? username = null)
    {
        var bot = await Client.CreateBotAsync(username);
        return new TestBot(bot.Id, bot.Username, bot.Token, BaseUrl);
    }

    public Task<long> CreateUserAsync(string firstName = "Ann", long stars = 0) =>
        Client.CreateUserAsync(firstName, stars, username: firstName.ToLowerInvariant());

    public Task<int> SendTextAsync(long userId, TestBot bot, string text) => Client.SendTextAsync(userId, bot.Id, text);

    public Task<JsonElement> ChatAsync(long userId, TestBot bot) => GetAsync($"sandbox/v1/users/{userId}/bots/{bot.Id}/chat");

    public Task<JsonElement> PayAsync(long userId, object body) => PostAsync($"sandbox/v1/users/{userId}/payments", body);

    public Task<JsonElement> AdvanceAsync(long seconds) => PostAsync("sandbox/v1/clock/advance", new { seconds });

    public Task<long> StarsOfAsync(long userId) => Client.GetStarsAsync(userId);

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
