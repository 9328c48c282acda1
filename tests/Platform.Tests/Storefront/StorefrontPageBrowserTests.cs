using Microsoft.Playwright;
using Platform.Tests.Bots;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Storefront;

/// <summary>
/// The issue's "storefront settings' effect in the bot", in a real headless Chromium at a phone's width: the merchant
/// saves formatted texts and labels on the Storefront page, a bad tag is refused with a field error, the preview shows
/// the bot's welcome screen and product card (markup encoded, formatting shown), and the bot then shows the same.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class StorefrontPageBrowserTests(C1StorefrontAppFactory app, BrowserFixture browser)
    : IClassFixture<C1StorefrontAppFactory>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Saved_storefront_texts_show_in_the_preview_and_in_the_bot()
    {
        var store = await TestStore.CreateAsync(app, "Preview");
        var product = await store.AddTextProductAsync("Guide", 5, "the guide", p => p.Description = "A <b>useful</b> guide");
        await using var context = await browser.NewContextAsync(app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 900);
        var signIn = await context.APIRequest.GetAsync(
            $"{TestSignInStartupFilter.Path}?email={Uri.EscapeDataString($"{store.Tenant.Slug}@example.test")}&tenant={store.Tenant.Id}");
        Assert.True(signIn.Ok, $"sign-in answered {signIn.Status}");
        await page.GotoAsync($"/stores/{store.Tenant.Slug}/storefront");

        // A tag Telegram would not take is refused with a field error naming it; nothing is saved.
        await page.GetByLabel("Welcome text (/start)").FillAsync("Hi <script>alert(1)</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save storefront" }).ClickAsync();
        await Assertions.Expect(page.Locator("#WelcomeText-error")).ToContainTextAsync("The tag <script> is not allowed");
        await Assertions.Expect(page.Locator("#preview-welcome .c1-text")).ToHaveTextAsync(Platform.Core.Outbound.Texts.BotTexts.English.Welcome("Preview"));

        await page.GetByLabel("Welcome text (/start)").FillAsync("<b>Hello</b> from <i>Preview</i>, 1 < 2");
        await page.GetByLabel("About (the About button and /about; the button shows only when this is written)").FillAsync("All <u>about</u> us");
        await page.Locator("#button-about").FillAsync("Who we are");
        await page.Locator("#button-buy").FillAsync("Grab it");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save storefront" }).ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Saved");

        var welcome = page.Locator("#preview-welcome .c1-text");
        await Assertions.Expect(welcome).ToHaveTextAsync("Hello from Preview, 1 < 2");
        await Assertions.Expect(welcome.Locator("strong")).ToHaveTextAsync("Hello");
        await Assertions.Expect(welcome.Locator("em")).ToHaveTextAsync("Preview");
        await Assertions.Expect(page.Locator("#storefront-preview .c1-keyboard").First.Locator(".c1-button"))
            .ToHaveTextAsync(["🛍 Catalog", "📦 My orders", "Who we are", "💬 Support", "📄 Terms"]);
        await Assertions.Expect(page.Locator("#preview-card .c1-text strong").First).ToHaveTextAsync("Guide");
        await Assertions.Expect(page.Locator("#preview-card .c1-text")).ToHaveTextAsync("Guide A useful guide 5 ⭐", new() { UseInnerText = true });
        await Assertions.Expect(page.Locator("#storefront-preview .c1-keyboard").Last).ToHaveTextAsync("Grab it · 5 ⭐");
        Assert.Equal(0, await page.Locator("#storefront-preview script").CountAsync());
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The Storefront page scrolls sideways by {overflow} px at 390 px.");

        // The bot shows what the preview showed.
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Pam");
        await buyer.SendAsync("/start");
        var message = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "c:root:0"));
        Assert.Equal("Hello from Preview, 1 < 2", SandboxClient.Text(message));
        Assert.Equal(["bold 0 5", "italic 11 7"], SandboxMessages.Entities(message));
        Assert.Equal("Who we are", SandboxMessages.Label(message, "about"));
        await buyer.PressAsync(message, "about");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == "All about us");
        await buyer.SendAsync($"/start p_{product}");
        var card = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, $"b:{product:N}"));
        Assert.Equal("Grab it · 5 ⭐", SandboxMessages.Label(card, $"b:{product:N}"));
    }
}
