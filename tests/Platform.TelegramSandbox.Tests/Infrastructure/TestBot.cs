using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Tests.Infrastructure;

/// <summary>A small bot written with Telegram.Bot, pointed at the sandbox exactly as the platform does it.</summary>
public sealed class TestBot
{
    private int _offset;

    public TestBot(long id, string username, string token, string baseUrl)
    {
        Id = id;
        Username = username;
        Token = token;
        Recorder = new RecordingHandler();
        // No automatic 429 retries: they would sleep in real time, and tests want to see the 429.
        Client = new TelegramBotClient(new TelegramBotClientOptions(token, baseUrl) { RetryCount = 0 }, new HttpClient(Recorder));
    }

    public long Id { get; }
    public string Username { get; }
    public string Token { get; }
    public TelegramBotClient Client { get; }
    public RecordingHandler Recorder { get; }

    /// <summary>Long-polls until <paramref name="count"/> updates arrived (real-time cap only guards against hangs).</summary>
    public async Task<List<Update>> ReceiveAsync(int count = 1, int timeoutSeconds = 5)
    {
        var received = new List<Update>();
        var giveUp = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (received.Count < count && DateTime.UtcNow < giveUp)
        {
            var batch = await Client.GetUpdates(offset: _offset, timeout: 1);
            received.AddRange(batch);
            if (batch.Length > 0) _offset = batch[^1].Id + 1;
        }
        Assert.True(received.Count >= count, $"expected {count} updates, got {received.Count}");
        return received;
    }

    /// <summary>Whatever is pending right now, without waiting.</summary>
    public async Task<Update[]> DrainAsync()
    {
        var batch = await Client.GetUpdates(offset: _offset, timeout: 0);
        if (batch.Length > 0) _offset = batch[^1].Id + 1;
        return batch;
    }
}
