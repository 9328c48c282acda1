using System.Diagnostics;
using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Platform.TelegramSandbox.Tests;

public sealed class UpdatesTests
{
    [Fact]
    public async Task GetUpdates_long_poll_returns_as_soon_as_an_update_arrives()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();

        var watch = Stopwatch.StartNew();
        var poll = bot.Client.GetUpdates(timeout: 30);
        await Task.Delay(200); // let the poll start waiting
        Assert.False(poll.IsCompleted);
        await sandbox.SendTextAsync(ann, bot, "hello");
        var updates = await poll;

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal("hello", Assert.Single(updates).Message!.Text);
    }

    [Fact]
    public async Task GetUpdates_long_poll_without_updates_answers_empty_after_the_timeout()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var watch = Stopwatch.StartNew();
        Assert.Empty(await bot.Client.GetUpdates(timeout: 1));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task GetUpdates_offset_confirms_earlier_updates_and_update_ids_increase()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        foreach (var text in new[] { "a", "b", "c" }) await sandbox.SendTextAsync(ann, bot, text);

        var all = await bot.Client.GetUpdates();
        Assert.Equal(["a", "b", "c"], all.Select(u => u.Message!.Text));
        Assert.Equal(all.Select(u => u.Id).Order(), all.Select(u => u.Id));
        var limited = await bot.Client.GetUpdates(offset: all[0].Id + 1, limit: 1);
        Assert.Equal("b", Assert.Single(limited).Message!.Text);
        Assert.Equal(["b", "c"], (await bot.Client.GetUpdates()).Select(u => u.Message!.Text));
        Assert.Equal(["c"], (await bot.Client.GetUpdates(offset: -1)).Select(u => u.Message!.Text));
    }

    [Fact]
    public async Task A_second_getUpdates_terminates_the_first_with_409()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var first = bot.Client.GetUpdates(timeout: 20);
        // Keep polling until the first request has reached the sandbox and been superseded (no fixed sleep).
        var giveUp = DateTime.UtcNow.AddSeconds(10);
        while (!first.IsCompleted && DateTime.UtcNow < giveUp)
        {
            await Task.Delay(100);
            await bot.Client.GetUpdates(timeout: 0);
        }
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first);
        Assert.Equal(409, error.ErrorCode);
    }

    [Fact]
    public async Task Start_with_a_payload_arrives_as_a_bot_command()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann");
        await sandbox.SendTextAsync(ann, bot, "/start ref_42");

        var message = Assert.Single(await bot.ReceiveAsync()).Message!;
        Assert.Equal("/start ref_42", message.Text);
        var entity = Assert.Single(message.Entities!);
        Assert.Equal(MessageEntityType.BotCommand, entity.Type);
        Assert.Equal(6, entity.Length);
        Assert.Equal(ann, message.From!.Id);
        Assert.Equal(ChatType.Private, message.Chat.Type);
    }
}
