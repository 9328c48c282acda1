using System.Net.Http.Json;
using Microsoft.Playwright;
using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;

namespace Platform.TelegramSandbox.Tests;

public sealed class ChatPageTests
{
    [Fact]
    public async Task Chat_page_completes_a_purchase_in_headless_Chromium()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync("ebook_store_bot");
        await using var store = new StoreBot(bot);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        Assertions.SetDefaultExpectTimeout(15_000); // generous on a busy 2-core machine; passes in ~1 s normally
        await page.GotoAsync(sandbox.BaseUrl + "/sandbox");

        await page.GetByLabel("First name").FillAsync("Ann");
        await page.GetByLabel("Star balance").FillAsync("500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create buyer" }).ClickAsync();
        await Assertions.Expect(page.Locator("#balance")).ToHaveTextAsync("500");
        await page.GetByLabel("Bot", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "@ebook_store_bot" });
        await page.GetByLabel("Message").FillAsync("/menu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ebooks" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Opening ebooks");
        await page.GetByLabel("Message").FillAsync("/start");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay ⭐️100" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Payment done");
        var download = page.GetByRole(AriaRole.Link, new() { Name = "Download ebook.pdf" });
        await Assertions.Expect(download).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#balance")).ToHaveTextAsync("400");
        var href = await download.GetAttributeAsync("href");
        Assert.Equal(StoreBot.Ebook, await sandbox.Control.GetByteArrayAsync(href));
        Assert.Equal(100, (await Telegram.Bot.TelegramBotClientExtensions.GetMyStarBalance(bot.Client)).Amount);
    }

    [Fact]
    public async Task A_scoped_chat_page_at_390_px_shows_only_its_scope_renders_formatting_safely_and_never_scrolls_sideways()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var mine = ScopedAccessTests.Scoped(sandbox, await ScopedAccessTests.IssueAsync(sandbox, "store-mine"));
        using var theirs = ScopedAccessTests.Scoped(sandbox, await ScopedAccessTests.IssueAsync(sandbox, "store-theirs"));
        var (bot, buyer) = await ScopedAccessTests.BotAndBuyerAsync(sandbox, mine, "mine");
        await ScopedAccessTests.BotAndBuyerAsync(sandbox, theirs, "theirs");
        await sandbox.CreateBotAsync("global_only_bot");
        await mine.PostAsJsonAsync($"sandbox/v1/users/{buyer}/bots/{bot.Id}/messages", new { text = "/start" });
        var longWord = new string('w', 400);
        await bot.Client.SendMessage(buyer, $"<b>Bold title</b> and <a href=\"https://example.com/x\">a link</a> <code>KEY-1</code> {longWord}",
            parseMode: Telegram.Bot.Types.Enums.ParseMode.Html,
            replyMarkup: new Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup(
                Telegram.Bot.Types.ReplyMarkups.InlineKeyboardButton.WithCallbackData("A rather long button label for a phone", "x")));
        var token = mine.DefaultRequestHeaders.GetValues(Hosting.SandboxScopes.HeaderName).Single();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        Assertions.SetDefaultExpectTimeout(15_000);
        await page.GotoAsync($"{sandbox.BaseUrl}/sandbox?user={buyer}&bot={bot.Id}#scope={token}");

        await Assertions.Expect(page.Locator("#messages .msg.bot strong")).ToHaveTextAsync("Bold title");
        await Assertions.Expect(page.Locator("#messages .msg.bot a")).ToHaveAttributeAsync("href", "https://example.com/x");
        await Assertions.Expect(page.Locator("#messages .msg.bot code")).ToHaveTextAsync("KEY-1");
        await Assertions.Expect(page.Locator("#messages .msg.me")).ToContainTextAsync("/start");
        await Assertions.Expect(page.Locator("#messages .msg.bot .inline-keyboard button")).ToHaveTextAsync("A rather long button label for a phone");
        await Assertions.Expect(page.Locator("#scope-note")).ToBeVisibleAsync();
        Assert.Equal(["@shop_mine_bot"], await page.Locator("#bot option").AllTextContentsAsync());
        Assert.Equal([$"Buyer mine ({buyer})"], await page.Locator("#buyer option").AllTextContentsAsync());
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The chat page scrolls sideways by {overflow} px at 390 px.");
        var bubble = await page.Locator("#messages .msg.bot .bubble").BoundingBoxAsync();
        Assert.True(bubble!.X + bubble.Width <= 390, $"The bubble ends at {bubble.X + bubble.Width} px.");
    }
}
