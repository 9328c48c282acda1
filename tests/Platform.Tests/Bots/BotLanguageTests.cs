using Platform.Core.Catalog;
using Platform.Core.Outbound.Texts;

namespace Platform.Tests.Bots;

/// <summary>
/// The platform's own words come in the customer's language (Telegram's language_code, region ignored), and in the
/// store's default language when the customer's is not one of ours.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class BotLanguageTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Theory]
    [InlineData("en", "en", "en")]
    [InlineData("fa", "en", "fa")]
    [InlineData("ru-RU", "en", "ru")]
    [InlineData("de", "fa", "fa")]
    [InlineData("pt-BR", "ru", "ru")]
    public async Task The_bot_speaks_the_customers_language_or_the_stores_default(string customerLanguage, string storeDefault, string expected)
    {
        var texts = BotTexts.For(expected, null);
        Assert.Equal(expected, texts.Language);
        var store = await TestStore.CreateAsync(app, "Lingua");
        await store.UpdateStorefrontAsync(new StorefrontInput { DefaultLanguage = storeDefault });
        var product = await store.AddTextProductAsync("Phrasebook", 12, "Hello = سلام = Привет");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Polyglot", language: customerLanguage);

        await buyer.SendAsync("/start");
        var welcome = await buyer.WaitForAsync(m => SandboxClient.Text(m) == texts.Welcome("Lingua"));
        Assert.Equal(texts.CatalogButton, ButtonText(welcome, "c:root:0"));
        Assert.Equal(texts.OrdersButton, ButtonText(welcome, "orders"));

        // A button press carries the customer's language too: the catalog edits the welcome in place.
        await buyer.PressAsync(welcome, "c:root:0");
        var catalog = await buyer.WaitForAsync(m => SandboxClient.Text(m) == texts.CatalogTitle);
        await buyer.PressAsync(catalog, $"p:{product:N}");
        var card = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, $"b:{product:N}"));
        Assert.Equal(texts.Buy(12), ButtonText(card, $"b:{product:N}"));

        await buyer.SendAsync("/orders");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == texts.NoOrders);
        await buyer.SendAsync("/help");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == texts.Help);
        await buyer.SendAsync("what?");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == texts.Unknown);
    }

    [Fact]
    public async Task A_merchants_own_button_label_shows_in_every_language_and_unset_labels_stay_in_the_customers()
    {
        var store = await TestStore.CreateAsync(app, "Labels");
        await store.UpdateStorefrontAsync(new StorefrontInput { ButtonTexts = new Dictionary<string, string?> { ["catalog"] = "Shop now" } });
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Parisa", language: "fa");
        await buyer.SendAsync("/start");
        var welcome = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "c:root:0"));
        Assert.Equal(BotTexts.Persian.Welcome("Labels"), SandboxClient.Text(welcome));
        Assert.Equal("Shop now", ButtonText(welcome, "c:root:0"));
        Assert.Equal(BotTexts.Persian.OrdersButton, ButtonText(welcome, "orders"));
    }

    private static string ButtonText(System.Text.Json.JsonElement message, string callbackData) =>
        message.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .First(b => b.TryGetProperty("callback_data", out var d) && d.GetString() == callbackData).GetProperty("text").GetString()!;
}
