using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Platform.TelegramSandbox.Tests;

public sealed class WebhookTests
{
    [Fact]
    public async Task Webhook_that_fails_twice_gets_each_update_again_in_order()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = n => n < 2 ? 500 : 200;
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await bot.Client.SetWebhook(receiver.Url);

        await sandbox.SendTextAsync(ann, bot, "one");
        await sandbox.SendTextAsync(ann, bot, "two");
        await receiver.WaitForAsync(1);
        await WaitForFailedAttemptsAsync(sandbox, bot, 1);
        var info = await bot.Client.GetWebhookInfo();
        Assert.Equal(2, info.PendingUpdateCount);
        Assert.Equal("Wrong response from the webhook: 500 Internal Server Error", info.LastErrorMessage);
        Assert.Equal(TestSandbox.Epoch.UtcDateTime, info.LastErrorDate);

        await sandbox.AdvanceAsync(1); // first retry after 1 s
        await receiver.WaitForAsync(2);
        await WaitForFailedAttemptsAsync(sandbox, bot, 2);
        await sandbox.AdvanceAsync(2); // then 2 s
        var requests = await receiver.WaitForAsync(4);

        Assert.Equal(["one", "one", "one", "two"], requests.Select(r => r.Update.Message!.Text));
        Assert.Equal([500, 500, 200, 200], requests.Select(r => r.AnsweredWith));
        var ids = requests.Select(r => r.Update.Id).ToList();
        Assert.True(ids[2] < ids[3], "update_id increases");
        await WaitUntilAsync(async () => (await bot.Client.GetWebhookInfo()).PendingUpdateCount == 0);
    }

    [Fact]
    public async Task Webhook_requests_carry_the_secret_token_header()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await bot.Client.SetWebhook(receiver.Url, secretToken: "s3cret_Token-1");

        await sandbox.SendTextAsync(ann, bot, "/start");

        var request = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal("s3cret_Token-1", request.SecretHeader);
        Assert.Equal("/start", request.Update.Message!.Text);
    }

    [Fact]
    public async Task Webhook_can_answer_with_a_method_call_in_its_response()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.ReplyBody = u => new Dictionary<string, object> { ["method"] = "sendMessage", ["chat_id"] = u.Message!.Chat.Id, ["text"] = "pong" };
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await bot.Client.SetWebhook(receiver.Url);

        await sandbox.SendTextAsync(ann, bot, "ping");

        await WaitUntilAsync(async () => (await sandbox.ChatAsync(ann, bot)).GetProperty("messages").GetArrayLength() == 2);
        Assert.Equal("pong", (await sandbox.ChatAsync(ann, bot)).GetProperty("messages")[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Secret_token_with_forbidden_characters_is_refused()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.SetWebhook("http://127.0.0.1:9/hook", secretToken: "no spaces!"));
        Assert.Equal(400, error.ErrorCode);
        Assert.Contains("secret token", error.Message);
    }

    [Fact]
    public async Task Webhook_drops_an_update_still_undelivered_after_24_hours()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = _ => 502;
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await bot.Client.SetWebhook(receiver.Url);
        await sandbox.SendTextAsync(ann, bot, "lost");
        await receiver.WaitForAsync(1);
        await WaitForFailedAttemptsAsync(sandbox, bot, 1);

        await sandbox.AdvanceAsync(24 * 3600);
        await WaitUntilAsync(async () => (await bot.Client.GetWebhookInfo()).PendingUpdateCount == 0);

        receiver.Respond = _ => 200;
        await sandbox.SendTextAsync(ann, bot, "fresh");
        var requests = await receiver.WaitForAsync(2);
        Assert.Equal("fresh", requests[^1].Update.Message!.Text);
        Assert.DoesNotContain(requests.Skip(1), r => r.Update.Message!.Text == "lost" && r.AnsweredWith == 200);
    }

    [Fact]
    public async Task Webhook_receives_only_the_allowed_update_kinds()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await bot.Client.SetWebhook(receiver.Url, allowedUpdates: [UpdateType.CallbackQuery], maxConnections: 5);
        var info = await bot.Client.GetWebhookInfo();
        Assert.Equal([UpdateType.CallbackQuery], info.AllowedUpdates);
        Assert.Equal(5, info.MaxConnections);

        await sandbox.SendTextAsync(ann, bot, "ignored: not a callback");
        var sent = await bot.Client.SendMessage(ann, "pick", replyMarkup: new Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup(
            Telegram.Bot.Types.ReplyMarkups.InlineKeyboardButton.WithCallbackData("A", "a")));
        await sandbox.PostAsync($"sandbox/v1/users/{ann}/bots/{bot.Id}/callbacks", new { message_id = sent.Id, callback_data = "a" });

        var request = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal("a", request.Update.CallbackQuery!.Data);
    }

    [Fact]
    public async Task GetUpdates_is_refused_while_a_webhook_is_set_and_deleteWebhook_can_drop_what_is_pending()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await bot.Client.SetWebhook("http://127.0.0.1:9/hook"); // nothing listens there
        await sandbox.SendTextAsync(ann, bot, "undeliverable");
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.GetUpdates());
        Assert.Equal(409, error.ErrorCode);
        Assert.Equal(1, (await bot.Client.GetWebhookInfo()).PendingUpdateCount);

        await bot.Client.DeleteWebhook(dropPendingUpdates: true);
        Assert.Empty(await bot.Client.GetUpdates());
        Assert.Equal("", (await bot.Client.GetWebhookInfo()).Url);
    }

    [Fact]
    public async Task Webhook_that_does_not_answer_in_time_counts_as_failed_and_is_retried()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.WebhookTimeout = TimeSpan.FromMilliseconds(300));
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = n => n == 0 ? TimeSpan.FromSeconds(2) : TimeSpan.Zero;
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await bot.Client.SetWebhook(receiver.Url);

        await sandbox.SendTextAsync(ann, bot, "slow");
        await WaitForFailedAttemptsAsync(sandbox, bot, 1);
        Assert.Equal("Read timeout expired", (await bot.Client.GetWebhookInfo()).LastErrorMessage);
        await sandbox.AdvanceAsync(1);

        var requests = await receiver.WaitForAsync(2);
        Assert.All(requests, r => Assert.Equal("slow", r.Update.Message!.Text));
        await WaitUntilAsync(async () => (await bot.Client.GetWebhookInfo()).PendingUpdateCount == 0);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    public async Task Webhook_keeps_at_most_max_connections_in_flight_and_each_chat_in_order(int maxConnections, int expectedInFlight)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = _ => TimeSpan.FromMilliseconds(300);
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann");
        var bob = await sandbox.CreateUserAsync("Bob");
        foreach (var text in new[] { "a1", "a2" }) await sandbox.SendTextAsync(ann, bot, text);
        foreach (var text in new[] { "b1", "b2" }) await sandbox.SendTextAsync(bob, bot, text);

        await bot.Client.SetWebhook(receiver.Url, maxConnections: maxConnections);
        var requests = await receiver.WaitForAsync(4);

        Assert.Equal(expectedInFlight, receiver.MaxInFlight);
        Assert.Equal(["a1", "a2"], requests.Where(r => r.Update.Message!.From!.Id == ann).Select(r => r.Update.Message!.Text));
        Assert.Equal(["b1", "b2"], requests.Where(r => r.Update.Message!.From!.Id == bob).Select(r => r.Update.Message!.Text));
    }

    [Fact]
    public async Task A_chat_is_delivered_while_another_chats_slow_delivery_is_still_in_flight()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = index => index == 0 ? TimeSpan.FromSeconds(3) : TimeSpan.Zero;
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann");
        var bob = await sandbox.CreateUserAsync("Bob");
        await bot.Client.SetWebhook(receiver.Url);

        await sandbox.SendTextAsync(ann, bot, "slow");
        await WaitUntilAsync(async () => (await sandbox.GetAsync($"sandbox/v1/bots/{bot.Id}")).GetProperty("webhook").GetProperty("delivering").GetBoolean());
        await sandbox.SendTextAsync(bob, bot, "quick");
        var requests = await receiver.WaitForAsync(2);

        // Answered (and so recorded) first although sent second: no chat waits behind another chat's delivery.
        Assert.Equal(["quick", "slow"], requests.Select(r => r.Update.Message!.Text));
    }

    /// <summary>The receiver saw the request before the sandbox noted the answer; wait for the sandbox's side too.</summary>
    private static Task WaitForFailedAttemptsAsync(TestSandbox sandbox, TestBot bot, int attempts) =>
        WaitUntilAsync(async () =>
        {
            var hook = (await sandbox.GetAsync($"sandbox/v1/bots/{bot.Id}")).GetProperty("webhook");
            return hook.GetProperty("failed_attempts").GetInt32() >= attempts && !hook.GetProperty("delivering").GetBoolean();
        });

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, int timeoutSeconds = 10)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "condition not reached in time");
            await Task.Delay(50); // polling an I/O result, not waiting for sandbox time
        }
    }
}
