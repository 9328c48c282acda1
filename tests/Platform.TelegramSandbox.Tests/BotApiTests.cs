using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Tests;

public sealed class BotApiTests
{
    [Fact]
    public async Task GetMe_describes_the_bot_created_through_the_control_API()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync("shop_test_bot");
        Assert.Matches(@"^\d+:[A-Za-z0-9_-]{35}$", bot.Token);

        var me = await bot.Client.GetMe();

        Assert.Equal((bot.Id, "shop_test_bot", true), (me.Id, me.Username, me.IsBot));
    }

    [Fact]
    public async Task Tokens_that_contain_bot_are_routed_like_any_other()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        lock (sandbox.Host.Store.Sync)
            sandbox.Host.Store.Data.Bots[bot.Id].Token = $"{bot.Id}:AAxBotxbotxBOTxxxxxxxxxxxxxxxxxxxxx";
        var again = new TestBot(bot.Id, bot.Username, $"{bot.Id}:AAxBotxbotxBOTxxxxxxxxxxxxxxxxxxxxx", sandbox.BaseUrl);

        Assert.Equal(bot.Id, (await again.Client.GetMe()).Id);
    }

    [Fact]
    public async Task Unknown_token_answers_401_Unauthorized()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (status, body) = await RawAsync(sandbox, HttpMethod.Get, "/bot123:nope/getMe");
        Assert.Equal(401, status);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", body);
    }

    [Fact]
    public async Task Unknown_method_answers_404_Not_Found()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var (status, body) = await RawAsync(sandbox, HttpMethod.Post, $"/bot{bot.Token}/sendTelepathy");
        Assert.Equal(404, status);
        Assert.Equal("""{"ok":false,"error_code":404,"description":"Not Found"}""", body);
    }

    [Fact]
    public async Task Missing_or_malformed_parameters_answer_400_naming_the_parameter()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var (status, body) = await RawAsync(sandbox, HttpMethod.Get, $"/bot{bot.Token}/sendMessage?text=hi");
        Assert.Equal(400, status);
        Assert.Equal("Bad Request: chat_id is empty", Description(body));
        (status, body) = await RawAsync(sandbox, HttpMethod.Get, $"/bot{bot.Token}/sendMessage?chat_id=&text=hi");
        Assert.Equal((400, "Bad Request: chat_id is empty"), (status, Description(body)));
        (status, body) = await RawAsync(sandbox, HttpMethod.Get, $"/bot{bot.Token}/getUpdates?limit=lots");
        Assert.Equal((400, "Bad Request: invalid limit specified"), (status, Description(body)));
        (status, body) = await RawAsync(sandbox, HttpMethod.Get, $"/bot{bot.Token}/sendMessage?chat_id=1&text=hi&reply_markup=%7Bbroken");
        Assert.Equal((400, "Bad Request: can't parse reply_markup JSON object"), (status, Description(body)));
    }

    [Fact]
    public async Task Query_form_json_and_multipart_requests_are_all_understood_and_unknown_parameters_ignored()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await sandbox.SendTextAsync(ann, bot, "/start");
        var markup = Uri.EscapeDataString("""{"inline_keyboard":[[{"text":"Buy","callback_data":"buy"}]]}""");
        var url = $"/bot{bot.Token}/sendMessage";

        var (s1, _) = await RawAsync(sandbox, HttpMethod.Get, $"{url}?chat_id={ann}&text=query&reply_markup={markup}&no_such_param=1");
        var (s2, _) = await RawAsync(sandbox, HttpMethod.Post, url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = ann.ToString(CultureInfo.InvariantCulture),
            ["text"] = "form",
            ["reply_markup"] = Uri.UnescapeDataString(markup),
        }));
        await sandbox.AdvanceAsync(5); // stay inside the per-chat flood limit
        var (s3, _) = await RawAsync(sandbox, HttpMethod.Post, url, new StringContent(
            $$"""{"chat_id":{{ann}},"text":"json","reply_markup":{"inline_keyboard":[[{"text":"Buy","callback_data":"buy"}]]},"whatever":true}""",
                Encoding.UTF8, "application/json"));
        var multipart = new MultipartFormDataContent { { new StringContent(ann.ToString(CultureInfo.InvariantCulture)), "chat_id" },
            { new StringContent("multipart"), "text" }, { new StringContent(Uri.UnescapeDataString(markup)), "reply_markup" } };
        var (s4, _) = await RawAsync(sandbox, HttpMethod.Post, url, multipart);

        Assert.Equal([200, 200, 200, 200], [s1, s2, s3, s4]);
        var chat = await sandbox.ChatAsync(ann, bot);
        var sent = chat.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("from_bot").GetBoolean()).ToList();
        Assert.Equal(["query", "form", "json", "multipart"], sent.Select(m => m.GetProperty("text").GetString()));
        Assert.All(sent, m => Assert.Equal("buy", m.GetProperty("buttons")[0][0].GetProperty("callback_data").GetString()));
    }

    [Fact]
    public async Task Commands_set_with_setMyCommands_come_back_from_getMyCommands()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        await bot.Client.SetMyCommands([new BotCommand("start", "Open the store"), new BotCommand("help", "Get help")]);
        var commands = await bot.Client.GetMyCommands();
        Assert.Equal(["start", "help"], commands.Select(c => c.Command));
        Assert.Equal("Open the store", commands[0].Description);
    }

    internal static async Task<(int Status, string Body)> RawAsync(TestSandbox sandbox, HttpMethod method, string path, HttpContent? content = null)
    {
        using var http = new HttpClient();
        using var response = await http.SendAsync(new HttpRequestMessage(method, sandbox.BaseUrl + path) { Content = content });
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Description(string body) => JsonDocument.Parse(body).RootElement.GetProperty("description").GetString()!;
}
