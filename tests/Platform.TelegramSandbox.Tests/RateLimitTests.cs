using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Platform.TelegramSandbox.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Bursting_past_one_message_per_second_in_a_chat_answers_429_with_retry_after()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await sandbox.SendTextAsync(ann, bot, "/start");
        for (var i = 0; i < 3; i++) await bot.Client.SendMessage(ann, $"burst {i}"); // a small burst is allowed

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.SendMessage(ann, "one too many"));

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(1, error.Parameters?.RetryAfter);
        Assert.Equal("Too Many Requests: retry after 1", error.Message);
        await sandbox.AdvanceAsync(1);
        await bot.Client.SendMessage(ann, "after waiting retry_after");
    }

    [Fact]
    public async Task The_429_body_has_Telegram_shape()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await sandbox.SendTextAsync(ann, bot, "/start");
        using var http = new HttpClient();
        string body = "";
        for (var i = 0; i < 5; i++)
        {
            using var response = await http.GetAsync($"{sandbox.BaseUrl}/bot{bot.Token}/sendMessage?chat_id={ann}&text=hi");
            body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode == 429) break;
        }
        Assert.Equal("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""", body);
    }

    [Fact]
    public async Task More_than_30_messages_a_second_across_chats_answers_429()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var users = new List<long>();
        for (var i = 0; i < 11; i++)
        {
            var user = await sandbox.CreateUserAsync($"U{i}");
            await sandbox.SendTextAsync(user, bot, "/start");
            users.Add(user);
        }
        for (var i = 0; i < 30; i++) await bot.Client.SendMessage(users[i % 10], $"m{i}");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.SendMessage(users[10], "31st"));
        Assert.Equal(429, error.ErrorCode);
        Assert.True(error.Parameters?.RetryAfter >= 1);
    }

    [Fact]
    public async Task Limits_can_be_switched_off()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.RateLimits.Enabled = false);
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await sandbox.SendTextAsync(ann, bot, "/start");
        for (var i = 0; i < 40; i++) await bot.Client.SendMessage(ann, $"m{i}");
    }
}
