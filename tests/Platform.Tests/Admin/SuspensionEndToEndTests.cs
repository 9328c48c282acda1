using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Orders;
using Platform.Core.Outbound.Texts;
using Platform.Tests.Bots;
using Platform.Tests.Webhooks;

namespace Platform.Tests.Admin;

/// <summary>
/// What a platform admin's suspension does, end to end against the Telegram sandbox: the bot says the store is
/// unavailable, pre-checkout refuses, no invoice is made, webhook events wait and flow after reactivation, and bought
/// downloads stay open until deliveries are frozen. (The portal's side: <see cref="SuspensionPortalTests"/>; a second
/// process: <see cref="SuspensionTwoProcessTests"/>.)
/// </summary>
[Collection(BotTests.Collection)]
public sealed partial class SuspensionEndToEndTests(SuspensionAppFactory app) : IClassFixture<SuspensionAppFactory>
{
    private static readonly BotTexts Texts = BotTexts.English;

    [Fact]
    public async Task A_suspended_store_says_it_is_unavailable_refuses_pre_checkout_makes_no_invoice_and_holds_webhooks_until_reactivated()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var store = await TestStore.CreateAsync(app, "Held");
        await app.CreateEndpointAsync(store, receiver.Url());
        var product = await store.AddTextProductAsync("Recipe", 10, "SECRET SAUCE");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Ana", stars: 100);
        var invoice = await buyer.OpenInvoiceAsync(product);
        var card = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, $"b:{product:N}"));
        var order = await store.WithDbAsync(db => db.Orders.SingleAsync());

        await SuspensionTestAdmin.SuspendAsync(app.Services, store.Tenant.Id, reason: "Chargeback review");
        var sentBefore = receiver.Requests.Count;

        // The bot: a message and a button both get the unavailable text; no invoice, no order.
        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.StoreUnavailable);
        await buyer.PressAsync(card, $"b:{product:N}");
        await buyer.WaitForCountAsync(m => SandboxClient.Text(m) == Texts.StoreUnavailable, 2);
        Assert.Single(await buyer.MessagesAsync(), m => SandboxClient.Has(m, "invoice"));
        Assert.Equal(1, await store.WithDbAsync(db => db.Orders.CountAsync()));

        // Pre-checkout of the invoice opened before the suspension: refused with the same words, no Stars taken.
        var refused = await buyer.PayAsync(invoice);
        Assert.Equal("rejected", refused.GetProperty("status").GetString());
        Assert.Equal(Texts.StoreUnavailable, refused.GetProperty("error_message").GetString());
        Assert.Equal(100, await buyer.StarsAsync());

        // A payment Telegram completed anyway (its pre-checkout passed just before) is recorded and delivered, but its
        // webhook events are held: the pump runs every ~100 ms, and in 1.5 s nothing reaches the receiver.
        await PostSuccessfulPaymentAsync(store, buyer, order.Id, 10, "stxHeldWebhookCharge");
        await SellingEndToEndTests.WaitForOrdersAsync(store, 1, OrderStatus.Fulfilled);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // showing that nothing happens takes a while of nothing happening
        Assert.Equal(sentBefore, receiver.Requests.Count);
        // A long suspension of a store whose endpoint was failing before: held time is not failing time, so the
        // endpoint is neither disabled while held nor on the first pump after the reactivation.
        await store.WithDbAsync(db => db.WebhookEndpoints.ExecuteUpdateAsync(s => s.SetProperty(e => e.FailingSince, DateTimeOffset.UtcNow.AddDays(-30))));
        var held = await store.WithDbAsync(db => db.OutboxEvents.Where(e => e.DispatchedAt == null).Select(e => e.Type).ToListAsync());
        Assert.Contains("order.paid", held);
        Assert.Contains("order.fulfilled", held);

        // Reactivated: the held events arrive (nothing lost), and the bot serves again.
        await SuspensionTestAdmin.ReactivateAsync(app.Services, store.Tenant.Id);
        await WaitUntilAsync(() => Task.FromResult(Types(receiver).Contains("order.paid") && Types(receiver).Contains("order.fulfilled")),
            TimeSpan.FromSeconds(15));
        Assert.Equal(0, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.DispatchedAt == null)));
        Assert.Equal(0, await store.WithDbAsync(db => db.WebhookDeliveries.CountAsync(d => d.AttemptCount > 1)));
        Assert.True((await store.WithDbAsync(db => db.WebhookEndpoints.SingleAsync())).Enabled);
        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.Welcome("Held"));
    }

    [Fact]
    public async Task Bought_downloads_stay_open_while_suspended_and_close_with_a_friendly_page_once_deliveries_are_frozen()
    {
        var store = await TestStore.CreateAsync(app, "Vault");
        var product = await store.AddFileProductAsync("Ebook", 20, "ebook bytes for the suspension test"u8.ToArray(), "ebook.pdf");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Ben", stars: 100);
        Assert.Equal("paid", (await buyer.PayAsync(await buyer.OpenInvoiceAsync(product))).GetProperty("status").GetString());
        var linkMessage = await buyer.WaitForAsync(SandboxMessages.HasDownloadButton);
        var link = new Uri(SandboxMessages.DownloadUrl(linkMessage)!).PathAndQuery;
        await buyer.OpenInvoiceAsync(product); // a second purchase: its payment completes once deliveries are frozen
        var pending = await store.WithDbAsync(db => db.Orders.SingleAsync(o => o.Status == OrderStatus.Pending));
        using var http = app.CreateHttpClient();

        await SuspensionTestAdmin.SuspendAsync(app.Services, store.Tenant.Id);
        var open = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("ebook bytes for the suspension test", await open.Content.ReadAsStringAsync());

        await SuspensionTestAdmin.SetDeliveriesFrozenAsync(app.Services, store.Tenant.Id, frozen: true);
        var closed = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
        Assert.Contains("Downloads from this store are paused", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The bot sends no goods either: the payment is recorded, the buyer told deliveries are paused, no document.
        await PostSuccessfulPaymentAsync(store, buyer, pending.Id, 20, "stxFrozenDeliveryCharge");
        await buyer.WaitForAsync(m => SandboxClient.Text(m) == Texts.DeliveriesPaused);
        Assert.Equal(OrderStatus.Paid, (await store.WithDbAsync(db => db.Orders.SingleAsync(o => o.Id == pending.Id))).Status);
        Assert.Single(await buyer.MessagesAsync(), m => SandboxClient.Has(m, "document"));
        Assert.Equal(0, await store.WithDbAsync(db => db.Deliveries.CountAsync(d => d.OrderId == pending.Id)));

        await SuspensionTestAdmin.SetDeliveriesFrozenAsync(app.Services, store.Tenant.Id, frozen: false);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(link)).StatusCode);
    }

    /// <summary>Telegram's successful_payment for <paramref name="orderId"/>, posted to the ingress as Telegram would.</summary>
    internal static async Task PostSuccessfulPaymentAsync(TestStore store, SandboxBuyer buyer, Guid orderId, int stars, string chargeId)
    {
        var updateId = Random.Shared.Next(800_000_000, 900_000_000);
        var payment = $$$"""
            {"update_id":{{{updateId}}},"message":{"message_id":{{{updateId % 100_000}}},"date":1700000000,
             "chat":{"id":{{{buyer.UserId}}},"type":"private","first_name":"Buyer"},
             "from":{"id":{{{buyer.UserId}}},"is_bot":false,"first_name":"Buyer","language_code":"en"},
             "successful_payment":{"currency":"XTR","total_amount":{{{stars}}},"invoice_payload":"{{{orderId:N}}}",
              "telegram_payment_charge_id":"{{{chargeId}}}","provider_payment_charge_id":""}
            }}
            """;
        using var http = store.App.CreateHttpClient();
        var answer = await IngressTests.PostAsync(http, store.BotId, await IngressTests.SecretAsync(store), payment);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    private static List<string?> Types(WebhookReceiver receiver) =>
        receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()).ToList();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var giveUp = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "condition not reached in time");
            await Task.Delay(20);
        }
    }
}
