using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Outbound.Texts;
using Platform.Core.Tenancy;

namespace Platform.Tests.Bots;

/// <summary>/paysupport, /terms and /help answer from the store's settings; a suspended store's bot only says it is unavailable.</summary>
[Collection(BotTests.Collection)]
public sealed class StoreCommandsTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    private static readonly BotTexts Texts = BotTexts.English;

    [Fact]
    public async Task Paysupport_and_terms_answer_with_the_stores_own_texts_and_fall_back_to_ours_when_it_has_none()
    {
        var store = await TestStore.CreateAsync(app, "Lawful");
        await store.UpdateStorefrontAsync(new StorefrontInput
        {
            TermsText = "Digital goods: no refunds after download.",
            SupportText = "Payment trouble? Write to us.",
            SupportContact = "@lawful_help",
        });
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Clara");

        await buyer.SendAsync("/paysupport");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == "Payment trouble? Write to us.\n@lawful_help");
        await buyer.SendAsync("/terms");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == "Digital goods: no refunds after download.");
        await buyer.SendAsync("/help");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.Help);

        // The merchant clears them on the portal: the next answers are the platform's defaults, no restart needed.
        await store.UpdateStorefrontAsync(new StorefrontInput { TermsText = "", SupportText = "", SupportContact = "" });
        await buyer.SendAsync("/paysupport");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.NoSupport);
        await buyer.SendAsync("/terms");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.NoTerms);
    }

    [Fact]
    public async Task A_suspended_stores_bot_says_the_store_is_unavailable_to_everything_and_takes_no_payment()
    {
        var store = await TestStore.CreateAsync(app, "Paused");
        var product = await store.AddTextProductAsync("Recipe", 10, "SECRET SAUCE");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Dora", stars: 100);
        var invoice = await buyer.OpenInvoiceAsync(product);
        var card = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, $"b:{product:N}"));

        await store.SetStatusAsync(TenantStatus.Suspended);
        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.StoreUnavailable);
        await buyer.PressAsync(card, $"b:{product:N}");
        await buyer.WaitForCountAsync(m => SandboxClient.Text(m) == Texts.StoreUnavailable, 2);
        var payment = await buyer.PayAsync(invoice);
        Assert.Equal("rejected", payment.GetProperty("status").GetString());
        Assert.Equal(Texts.StoreUnavailable, payment.GetProperty("error_message").GetString());
        Assert.Equal(100, await buyer.StarsAsync());
        Assert.Equal(1, await store.WithDbAsync(db => db.Orders.CountAsync()));
        Assert.Single(await buyer.MessagesAsync(), m => SandboxClient.Has(m, "invoice"));

        // Reinstated, the same bot serves again.
        await store.SetStatusAsync(TenantStatus.Active);
        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.Welcome("Paused"));
    }

    [Fact]
    public async Task A_payment_completed_as_the_store_was_suspended_is_still_recorded_and_delivered()
    {
        var store = await TestStore.CreateAsync(app, "Halted");
        var product = await store.AddTextProductAsync("Map", 10, "X MARKS THE SPOT");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Enzo", stars: 100);
        await buyer.OpenInvoiceAsync(product);
        var order = await store.WithDbAsync(db => db.Orders.SingleAsync());

        // Telegram took the Stars after an accepted pre-checkout; its successful_payment arrives once the store is suspended.
        await store.SetStatusAsync(TenantStatus.Suspended);
        var payment = $$$"""
            {"update_id":900000001,"message":{"message_id":900,"date":1700000000,
             "chat":{"id":{{{buyer.UserId}}},"type":"private","first_name":"Enzo"},"from":{"id":{{{buyer.UserId}}},"is_bot":false,"first_name":"Enzo","language_code":"en"},
             "successful_payment":{"currency":"XTR","total_amount":10,"invoice_payload":"{{{order.Id:N}}}",
              "telegram_payment_charge_id":"stxSuspendedStoreCharge","provider_payment_charge_id":""}
            }}
            """;
        using var http = app.CreateHttpClient();
        var answer = await IngressTests.PostAsync(http, store.BotId, await IngressTests.SecretAsync(store), payment);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);

        await SellingEndToEndTests.WaitForOrdersAsync(store, 1, Platform.Core.Orders.OrderStatus.Fulfilled);
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("X MARKS THE SPOT", StringComparison.Ordinal) == true);
        Assert.Equal("stxSuspendedStoreCharge", (await store.WithDbAsync(db => db.Orders.SingleAsync())).TelegramPaymentChargeId);
        Assert.DoesNotContain(await buyer.MessagesAsync(), m => SandboxClient.Text(m) == Texts.StoreUnavailable);
    }
}
