using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Orders;
using Platform.Core.Outbound.Texts;
using Platform.Core.Payments;
using Telegram.Bot;

namespace Platform.Tests.Bots;

/// <summary>
/// A whole purchase in Persian (right-to-left) and in Russian, as the sandbox buyer sees it: the menu, welcome, catalog,
/// product card, invoice, a file with its Download button, a key as tap-to-copy code, /orders and a re-delivery that says it
/// is one, /help and the refund notice. One store and one buyer per language.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class BotPurchaseLanguageTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    private const string Key = "KEY-<&>-0001"; // markup characters: escaped on the way out, shown as they are

    [Theory]
    [InlineData("fa")]
    [InlineData("ru")]
    public async Task A_buyer_sees_every_message_of_a_purchase_in_their_language(string language)
    {
        var texts = BotTexts.For(language, null);
        var storeName = $"Polyglot{language}";
        var store = await TestStore.CreateAsync(app, storeName);
        var ebook = await store.AddFileProductAsync("Ebook (v2)", 20, RandomNumberGenerator.GetBytes(2_000), "ebook.pdf");
        var game = await store.AddKeyProductAsync("Game key", 30, [Key]);
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, $"Buyer{language}", stars: 500, language: language);

        // The command menu Telegram shows this buyer: set for their language on registration.
        var menu = await (await BotClientAsync(store)).GetMyCommands(languageCode: language);
        Assert.Equal(texts.Commands.Select(c => (c.Command, c.Description)), menu.Select(c => (c.Command, c.Description)));

        await buyer.SendAsync("/start");
        var welcome = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "c:root"));
        Assert.Equal(texts.Welcome(storeName), SandboxClient.Text(welcome));
        await buyer.PressAsync(welcome, SandboxClient.Button(welcome, "c:root"));
        var catalog = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, $"p:{ebook:N}"));
        Assert.True(InScript(SandboxClient.Text(catalog), language), SandboxClient.Text(catalog));
        await buyer.PressAsync(catalog, $"p:{ebook:N}");
        var card = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, $"b:{ebook:N}"));
        Assert.Contains("Ebook (v2)", SandboxClient.Text(card), StringComparison.Ordinal);
        Assert.Equal(texts.Buy(20), ButtonText(card, $"b:{ebook:N}"));
        await buyer.PressAsync(card, $"b:{ebook:N}");
        var invoice = await buyer.WaitForAsync(m => SandboxClient.Has(m, "invoice"));
        Assert.Equal(("Ebook (v2)", "XTR", 20), (invoice.GetProperty("invoice").GetProperty("title").GetString(),
            invoice.GetProperty("invoice").GetProperty("currency").GetString(), invoice.GetProperty("invoice").GetProperty("total_amount").GetInt32()));
        Assert.Equal("paid", (await buyer.PayAsync(invoice)).GetProperty("status").GetString());

        // The file: the document thanks for the payment (title in bold), the link rides on a Download button.
        var document = await buyer.WaitForAsync(m => SandboxClient.Has(m, "document"));
        Assert.Equal(texts.ThanksPaid("Ebook (v2)"), SandboxClient.Text(document));
        Assert.Equal(["Ebook (v2)"], SandboxMessages.EntityTexts(document, "bold"));
        var link = await buyer.WaitForAsync(SandboxMessages.HasDownloadButton);
        Assert.EndsWith(texts.DownloadsLeft(5), SandboxClient.Text(link), StringComparison.Ordinal);
        Assert.DoesNotContain("http", SandboxClient.Text(link), StringComparison.Ordinal);
        Assert.Equal(texts.DownloadButton, link.GetProperty("buttons")[0][0].GetProperty("text").GetString());

        // The key: escaped, in a code entity (tap to copy).
        Assert.Equal("paid", (await buyer.PayAsync(await buyer.OpenInvoiceAsync(game))).GetProperty("status").GetString());
        var first = $"{texts.ThanksPaid("Game key")}\n\n{texts.YourKey(Key)}";
        var keyMessage = await buyer.WaitForAsync(m => SandboxClient.Text(m) == first);
        Assert.Equal([Key], SandboxMessages.EntityTexts(keyMessage, "code"));
        Assert.Equal(["Game key"], SandboxMessages.EntityTexts(keyMessage, "bold"));
        await SellingEndToEndTests.WaitForOrdersAsync(store, 2, OrderStatus.Fulfilled);

        // /orders, then "get again": a re-delivery says it is one, and never thanks for a payment again.
        await buyer.SendAsync("/orders");
        var orders = await buyer.WaitForAsync(m => SandboxClient.Text(m) == texts.OrdersTitle);
        var again = orders.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .Single(b => b.GetProperty("text").GetString() == $"{texts.GetAgain}: Game key").GetProperty("callback_data").GetString()!;
        await buyer.PressAsync(orders, again);
        var resent = await buyer.WaitForAsync(m => SandboxClient.Text(m) == $"{texts.PurchaseAgain("Game key")}\n\n{texts.YourKey(Key)}");
        Assert.Equal([Key], SandboxMessages.EntityTexts(resent, "code"));
        Assert.Single(await buyer.MessagesAsync(), m => SandboxClient.Text(m) == first);

        await buyer.SendAsync("/help");
        var help = await buyer.WaitForAsync(m => SandboxClient.Text(m) == texts.Help);
        Assert.All(texts.Commands, c => Assert.Contains($"/{c.Command}", SandboxClient.Text(help), StringComparison.Ordinal));

        var fileOrder = await store.WithDbAsync(db => db.Orders.SingleAsync(o => o.ProductId == ebook));
        Assert.Equal(RefundResult.Refunded,
            await store.WithScopeAsync(sp => sp.GetRequiredService<RefundService>().RefundAsync(fileOrder.Id, CancellationToken.None)));
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == texts.Refunded("Ebook (v2)", 20));
    }

    private async Task<TelegramBotClient> BotClientAsync(TestStore store)
    {
        var token = await store.WithScopeAsync(async sp =>
            sp.GetRequiredService<BotSecrets>().Unprotect((await sp.GetRequiredService<Platform.Core.Data.PlatformDbContext>().Bots.SingleAsync())
                .TokenCiphertext));
        return new TelegramBotClient(new TelegramBotClientOptions(token, app.Sandbox.BaseUrl.ToString().TrimEnd('/')));
    }

    private static bool InScript(string? text, string language) =>
        text is not null && text.Any(c => language == "fa" ? c is >= '\u0600' and <= '\u06FF' : c is >= '\u0400' and <= '\u04FF');

    private static string ButtonText(JsonElement message, string callbackData) =>
        message.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .First(b => b.TryGetProperty("callback_data", out var d) && d.GetString() == callbackData).GetProperty("text").GetString()!;
}
