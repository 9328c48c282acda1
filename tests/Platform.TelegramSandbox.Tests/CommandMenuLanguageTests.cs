using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Tests;

/// <summary>setMyCommands / getMyCommands with language_code: one menu per language beside the default one, as Telegram keeps them.</summary>
public sealed class CommandMenuLanguageTests
{
    [Fact]
    public async Task A_menu_set_for_a_language_comes_back_for_that_language_and_leaves_the_default_alone()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        await bot.Client.SetMyCommands([new BotCommand("help", "Help")]);
        await bot.Client.SetMyCommands([new BotCommand("help", "راهنما")], languageCode: "fa");
        await bot.Client.SetMyCommands([new BotCommand("help", "Помощь")], languageCode: "ru");
        // Setting the same list again (a re-sync) changes nothing.
        await bot.Client.SetMyCommands([new BotCommand("help", "Помощь")], languageCode: "ru");

        Assert.Equal("Help", Assert.Single(await bot.Client.GetMyCommands()).Description);
        Assert.Equal("راهنما", Assert.Single(await bot.Client.GetMyCommands(languageCode: "fa")).Description);
        Assert.Equal("Помощь", Assert.Single(await bot.Client.GetMyCommands(languageCode: "ru")).Description);
        Assert.Empty(await bot.Client.GetMyCommands(languageCode: "de"));
    }

    [Fact]
    public async Task An_empty_list_removes_a_languages_menu_and_a_malformed_language_code_is_refused()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        await bot.Client.SetMyCommands([new BotCommand("start", "Старт")], languageCode: "ru");
        await bot.Client.SetMyCommands([], languageCode: "ru");
        Assert.Empty(await bot.Client.GetMyCommands(languageCode: "ru"));

        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.SetMyCommands([new BotCommand("start", "Start")], languageCode: "rus"));
        Assert.Equal(400, refused.ErrorCode);
    }
}
