using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Outbound.Texts;
using Platform.Tests.Bots;

namespace Platform.Tests.Storefront;

/// <summary>
/// Issue 18, point 3: every storefront setting changes what the bot shows — the welcome text (formatted), About /
/// Support / Terms buttons and their texts, /about, and the labels of catalog, orders, buy, back and more — through the
/// sandbox's HTML parser, as Telegram would render them.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class StorefrontSettingsInBotTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    private static readonly BotTexts Texts = BotTexts.English;

    [Fact]
    public async Task Every_storefront_text_and_label_shows_in_the_bot_formatted()
    {
        var store = await TestStore.CreateAsync(app, "Fancy");
        var books = await store.AddCategoryAsync("Books", 0);
        var ids = new List<Guid>();
        for (var i = 1; i <= 9; i++)
        {
            ids.Add(await store.AddTextProductAsync($"Book {i}", 5, "words", p =>
                (p.CategoryId, p.Description) = (books, "A <i>fine</i> read & more")));
        }

        await store.UpdateStorefrontAsync(new StorefrontInput
        {
            WelcomeText = "<b>Welcome</b> to <i>Fancy</i> — 1 < 2",
            AboutText = "We are <u>Fancy</u>, see <a href=\"https://fancy.example/about\">our site</a>.",
            TermsText = "<b>No refunds</b> after download.",
            SupportText = "Write to us <tg-spoiler>any time</tg-spoiler>.",
            SupportContact = "@fancy_help",
            ButtonTexts = new Dictionary<string, string?>
            {
                ["catalog"] = "Shop",
                ["orders"] = "Purchases",
                ["about"] = "Who we are",
                ["support"] = "Help me",
                ["terms"] = "Rules",
                ["buy"] = "Get it",
                ["back"] = "Return",
                ["more"] = "Onwards",
            },
        });
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Fran");

        await buyer.SendAsync("/start");
        var welcome = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "c:root:0"));
        Assert.Equal("Welcome to Fancy — 1 < 2", SandboxClient.Text(welcome));
        Assert.Equal(["bold 0 7", "italic 11 5"], SandboxMessages.Entities(welcome));
        Assert.Equal(["c:root:0", "orders", "about", "support", "terms"], SandboxMessages.Callbacks(welcome));
        Assert.Equal(["Shop", "Purchases", "Who we are", "Help me", "Rules"],
            SandboxMessages.Callbacks(welcome).Select(d => SandboxMessages.Label(welcome, d)));

        await buyer.PressAsync(welcome, "about");
        var about = await buyer.WaitForAsync(m => SandboxClient.Text(m) == "We are Fancy, see our site.");
        Assert.Equal(["underline 7 5", "text_link 18 8 https://fancy.example/about"], SandboxMessages.Entities(about));
        await buyer.SendAsync("/about");
        await buyer.WaitForCountAsync(m => SandboxClient.Text(m) == "We are Fancy, see our site.", 2);

        await buyer.PressAsync(welcome, "support");
        var support = await buyer.WaitForAsync(m => SandboxClient.Text(m) == "Write to us any time.\n@fancy_help");
        Assert.Equal(["spoiler 12 8"], SandboxMessages.Entities(support));
        await buyer.PressAsync(welcome, "terms");
        var terms = await buyer.WaitForAsync(m => SandboxClient.Text(m) == "No refunds after download.");
        Assert.Equal(["bold 0 10"], SandboxMessages.Entities(terms));

        // The catalog asks for a shelf, names the shelf it shows, and uses the merchant's More and Back.
        await buyer.PressAsync(welcome, "c:root:0");
        var shelves = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, $"c:{books:N}:0"));
        Assert.Equal(Texts.ChooseShelf, SandboxClient.Text(shelves));
        await buyer.PressAsync(shelves, $"c:{books:N}:0");
        var page = await buyer.WaitForEditAsync(shelves.GetProperty("message_id").GetInt32(), m => SandboxClient.HasButton(m, "p:"));
        Assert.Equal(Texts.ShelfTitle("Books"), SandboxClient.Text(page));
        Assert.Equal("Onwards", SandboxMessages.Label(page, $"c:{books:N}:1"));
        Assert.Equal("Return", SandboxMessages.Label(page, "c:root:0"));

        // The product card: the title in bold, the description's formatting, and the merchant's Buy label with the price.
        await buyer.PressAsync(page, $"p:{ids[0]:N}");
        var card = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, $"b:{ids[0]:N}"));
        Assert.Equal("Book 1\n\nA fine read & more\n\n5 ⭐", SandboxClient.Text(card));
        Assert.Equal(["bold 0 6", "italic 10 4"], SandboxMessages.Entities(card));
        Assert.Equal("Get it · 5 ⭐", SandboxMessages.Label(card, $"b:{ids[0]:N}"));
    }

    [Fact]
    public async Task Without_an_about_text_there_is_no_about_button_and_the_commands_answer_friendly_defaults()
    {
        var store = await TestStore.CreateAsync(app, "Bare");
        await store.UpdateStorefrontAsync(new StorefrontInput { TermsText = "", SupportText = "", SupportContact = "" });
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Bea");

        await buyer.SendAsync("/start");
        var welcome = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "c:root:0"));
        Assert.Equal(Texts.Welcome("Bare"), SandboxClient.Text(welcome));
        Assert.Equal(["c:root:0", "orders", "support", "terms"], SandboxMessages.Callbacks(welcome));
        Assert.Equal(Texts.SupportButton, SandboxMessages.Label(welcome, "support"));
        Assert.Equal(Texts.TermsButton, SandboxMessages.Label(welcome, "terms"));

        await buyer.SendAsync("/about");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.AboutDefault("Bare"));
        await buyer.PressAsync(welcome, "terms");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.NoTerms);
        await buyer.PressAsync(welcome, "support");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.NoSupport);

        // A product card with the default Buy label, and the buyer's language for our own words.
        var product = await store.AddTextProductAsync("Plain <thing>", 7, "x");
        var russian = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Rita", language: "ru");
        await russian.SendAsync($"/start p_{product}");
        var card = await russian.WaitForAsync(m => SandboxClient.HasButton(m, $"b:{product:N}"));
        Assert.StartsWith("Plain <thing>\n\n", SandboxClient.Text(card), StringComparison.Ordinal);
        Assert.Equal(BotTexts.Russian.Buy(7), SandboxMessages.Label(card, $"b:{product:N}"));
        await russian.SendAsync("/start");
        var ruWelcome = await russian.WaitForAsync(m => SandboxClient.HasButton(m, "terms"));
        Assert.Equal(BotTexts.Russian.TermsButton, SandboxMessages.Label(ruWelcome, "terms"));
    }

    [Fact]
    public async Task Formatting_the_parser_refuses_is_a_field_error_and_changes_nothing()
    {
        var store = await TestStore.CreateAsync(app, "Strict");
        await store.UpdateStorefrontAsync(new StorefrontInput { WelcomeText = "Hello" });
        var result = await store.WithScopeAsync(sp => sp.GetRequiredService<StorefrontService>().UpdateAsync(
            new StorefrontInput { WelcomeText = "<b>Hi", AboutText = "<script>x</script>", DisplayName = "Changed" }, CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Contains("<b> is not closed", Assert.Single(result.Errors["WelcomeText"]), StringComparison.Ordinal);
        Assert.Contains("The tag <script> is not allowed", Assert.Single(result.Errors["AboutText"]), StringComparison.Ordinal);
        var saved = await store.WithScopeAsync(sp => sp.GetRequiredService<StorefrontReader>().GetAsync(CancellationToken.None));
        Assert.Equal(("Strict", "Hello", (string?)null), (saved.DisplayName, saved.WelcomeText, saved.AboutText));
    }
}
