using Microsoft.Playwright;
using Platform.TelegramSandbox.Tests.Infrastructure;

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
}
