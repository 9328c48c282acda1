using System.Text.Json;
using Telegram.Bot;

namespace Platform.Tests.Bots;

/// <summary>
/// A test standing in for a bot with its webhook removed: reads the raw updates the sandbox holds for it (never
/// confirming them, so each read sees them all) and answers pre-checkout queries itself.
/// </summary>
public sealed class SandboxBotApi(BotAppFactory app, string token)
{
    private readonly HashSet<string> answered = [];

    public TelegramBotClient Client { get; } = new(new TelegramBotClientOptions(token, app.Sandbox.BaseUrl.ToString().TrimEnd('/')));

    /// <summary>Waits until at least <paramref name="count"/> held updates match; returns them all, oldest first.</summary>
    public async Task<List<JsonElement>> UpdatesAsync(Func<JsonElement, bool> match, int count)
    {
        using var http = new HttpClient { BaseAddress = app.Sandbox.BaseUrl };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync($"./bot{token}/getUpdates?timeout=0"));
            var found = document.RootElement.GetProperty("result").EnumerateArray().Where(match).Select(u => u.Clone()).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "The sandbox held fewer updates than expected.");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for a pre-checkout query not answered yet and says ok to it, as a bot whose checks passed.</summary>
    public async Task AnswerNextPreCheckoutAsync()
    {
        var queries = await UpdatesAsync(u => u.TryGetProperty("pre_checkout_query", out var q) && !answered.Contains(q.GetProperty("id").GetString()!), 1);
        var id = queries[0].GetProperty("pre_checkout_query").GetProperty("id").GetString()!;
        answered.Add(id);
        await Client.AnswerPreCheckoutQuery(id);
    }
}
