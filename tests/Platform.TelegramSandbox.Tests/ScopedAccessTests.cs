using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.TelegramSandbox.Hosting;
using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Tests;

/// <summary>
/// Scoped tokens (a store's test mode): a caller holding one sees and reaches only the bots, buyers, chats and files made
/// under its scope — another scope's are 404, as if they did not exist — and only the endpoints a buyer needs; a forged
/// token, one from another sandbox or one from before a reset is refused with 403, on this machine too.
/// </summary>
public sealed class ScopedAccessTests
{
    [Fact]
    public async Task A_scoped_token_lists_and_reaches_only_the_bots_buyers_chats_and_files_of_its_own_scope()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var a = Scoped(sandbox, await IssueAsync(sandbox, "store-a"));
        using var b = Scoped(sandbox, await IssueAsync(sandbox, "store-b"));
        var (aBot, aUser) = await BotAndBuyerAsync(sandbox, a, "a");
        var (bBot, bUser) = await BotAndBuyerAsync(sandbox, b, "b");
        await a.PostAsJsonAsync($"sandbox/v1/users/{aUser}/bots/{aBot.Id}/messages", new { text = "/start" });
        var aDocument = await aBot.Client.SendDocument(aUser, InputFile.FromStream(new MemoryStream("secret goods"u8.ToArray()), "goods.txt"));

        Assert.Equal([bBot.Id], Ids(await b.GetFromJsonAsync<JsonElement>("sandbox/v1/bots")));
        Assert.Equal([bUser], Ids(await b.GetFromJsonAsync<JsonElement>("sandbox/v1/users")));
        string[] othersPaths =
        [
            $"sandbox/v1/bots/{aBot.Id}", $"sandbox/v1/users/{aUser}", $"sandbox/v1/users/{aUser}/bots/{aBot.Id}/chat",
            $"sandbox/v1/users/{bUser}/bots/{aBot.Id}/chat", $"sandbox/v1/users/{aUser}/subscriptions",
            $"sandbox/v1/files/{Uri.EscapeDataString(aDocument.Document!.FileId)}",
        ];
        foreach (var path in othersPaths)
        {
            using var response = await b.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        (string Path, object Body)[] writes =
        [
            ($"sandbox/v1/users/{aUser}/bots/{aBot.Id}/messages", new { text = "/start" }),
            ($"sandbox/v1/users/{bUser}/bots/{aBot.Id}/messages", new { text = "/start" }),
            ($"sandbox/v1/users/{aUser}/stars", new { amount = 1000 }),
            ($"sandbox/v1/users/{bUser}/payments", new { bot_id = aBot.Id, message_id = aDocument.Id }),
        ];
        foreach (var (path, body) in writes)
        {
            using var response = await b.PostAsJsonAsync(path, body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        Assert.Equal(500, await sandbox.StarsOfAsync(aUser));
        Assert.Single((await sandbox.ChatAsync(aUser, aBot)).GetProperty("messages").EnumerateArray(), m => !m.GetProperty("from_bot").GetBoolean());
        // Its own scope works, and global access (the platform, this machine) still sees everything.
        using (var own = await a.GetAsync($"sandbox/v1/files/{Uri.EscapeDataString(aDocument.Document!.FileId)}"))
        {
            Assert.Equal("secret goods", await own.Content.ReadAsStringAsync());
        }

        Assert.Equal(2, (await sandbox.GetAsync("sandbox/v1/bots")).GetArrayLength());
        Assert.Equal(2, (await sandbox.GetAsync("sandbox/v1/users")).GetArrayLength());
    }

    [Fact]
    public async Task A_forged_foreign_or_stale_token_is_refused_and_a_scoped_one_cannot_reach_global_calls()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var other = await TestSandbox.StartAsync();
        var token = await IssueAsync(sandbox, "store-a");
        Assert.Equal(token, await IssueAsync(sandbox, "store-a"));
        Assert.NotEqual(token, await IssueAsync(sandbox, "store-b"));
        var mac = token.Split('.')[2];
        string[] forged =
        [
            $"v1.store-b.{mac}", "v1.store-a." + (mac[0] == 'A' ? "B" : "A") + mac[1..], "v1.store-a.", $"v2.store-a.{mac}", "store-a",
            await IssueAsync(other, "store-a"), token + "x",
        ];
        foreach (var bad in forged)
        {
            using var client = Scoped(sandbox, bad);
            using var response = await client.GetAsync("sandbox/v1/bots");
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{bad}: {(int)response.StatusCode}");
        }

        using var scoped = Scoped(sandbox, token);
        var (bot, user) = await BotAndBuyerAsync(sandbox, scoped, "a");
        var channel = await sandbox.Client.CreateChannelAsync("Club", bot.Id);
        (string Path, object? Body)[] global =
        [
            ("sandbox/v1/reset", new { }), ("sandbox/v1/clock/advance", new { seconds = 60 }), ("sandbox/v1/scopes", new { scope = "store-a" }),
            ("sandbox/v1/channels", new { title = "Mine", bot_id = bot.Id }), ($"sandbox/v1/bots/{bot.Id}/withdrawals", new { amount = 1 }),
            ("sandbox/v1/channels", null), ($"sandbox/v1/channels/{channel}/members", null),
        ];
        foreach (var (path, body) in global)
        {
            using var response = body is null ? await scoped.GetAsync(path) : await scoped.PostAsJsonAsync(path, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
        }

        Assert.Equal(TestSandbox.Epoch, DateTimeOffset.Parse((await sandbox.GetAsync("sandbox/v1/clock")).GetProperty("iso").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, (await sandbox.GetAsync("sandbox/v1/users")).GetArrayLength());
        Assert.Equal(500, await sandbox.StarsOfAsync(user));

        await sandbox.PostAsync("sandbox/v1/scopes", new { scope = "Not A Scope" }, expectStatus: 400);
        await sandbox.PostAsync("sandbox/v1/reset", new { });
        using var stale = await scoped.GetAsync("sandbox/v1/bots");
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
    }

    internal static async Task<string> IssueAsync(TestSandbox sandbox, string scope) =>
        (await sandbox.PostAsync("sandbox/v1/scopes", new { scope })).GetProperty("token").GetString()!;

    internal static HttpClient Scoped(TestSandbox sandbox, string token)
    {
        var client = new HttpClient { BaseAddress = sandbox.Host.BaseUrl };
        client.DefaultRequestHeaders.Add(SandboxScopes.HeaderName, token);
        return client;
    }

    internal static async Task<(TestBot Bot, long User)> BotAndBuyerAsync(TestSandbox sandbox, HttpClient scoped, string name)
    {
        using var created = await scoped.PostAsJsonAsync("sandbox/v1/bots", new { username = $"shop_{name}_bot" });
        var bot = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var buyer = await scoped.PostAsJsonAsync("sandbox/v1/users", new { first_name = $"Buyer {name}", stars = 500 });
        var user = (await buyer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        return (new TestBot(bot.GetProperty("id").GetInt64(), bot.GetProperty("username").GetString()!, bot.GetProperty("token").GetString()!,
            sandbox.BaseUrl), user);
    }

    private static long[] Ids(JsonElement list) => list.EnumerateArray().Select(x => x.GetProperty("id").GetInt64()).ToArray();
}
