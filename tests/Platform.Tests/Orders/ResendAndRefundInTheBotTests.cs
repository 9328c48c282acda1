using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Orders;
using Platform.Tests.Bots;
using Platform.Tests.Merchant;

namespace Platform.Tests.Orders;

/// <summary>
/// The order page's "Resend delivery" and refund with a reason, end to end through the real sandbox: the buyer gets the
/// goods a second time, the same click (or the job) run again sends nothing more, and a refund's reason is stored, shown
/// and in order.refunded while the buyer gets their Stars back.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class ResendAndRefundInTheBotTests(OrdersBotAppFactory app) : IClassFixture<OrdersBotAppFactory>
{
    private static bool IsGoods(System.Text.Json.JsonElement m) => SandboxClient.Text(m)?.Contains("THE GUIDE", StringComparison.Ordinal) == true;

    [Fact]
    public async Task Resend_delivery_reaches_the_buyer_again_and_a_repeated_click_or_job_sends_once()
    {
        var store = await TestStore.CreateAsync(app, "Resend");
        var product = await store.AddTextProductAsync("Guide", 15, "THE GUIDE");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Rae", stars: 100);
        await buyer.PayAsync(await buyer.OpenInvoiceAsync(product));
        var order = (await SellingEndToEndTests.WaitForOrdersAsync(store, 1, OrderStatus.Fulfilled)).Single();
        await buyer.WaitForCountAsync(IsGoods, 1);
        using var client = await app.OwnerClientAsync(store.Tenant);
        var path = $"/stores/{store.Tenant.Slug}/orders/{order.Id}";

        var page = await PageForms.GetPageAsync(client, path);
        Assert.NotNull(page.QuerySelector("#resend .confirm-cancel"));
        Assert.Null(page.QuerySelector("#reset-downloads")); // a text order has no download link
        var form = page.QuerySelector("#resend form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        Assert.Equal("1", fields["sequence"]);
        using (var first = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        await buyer.WaitForCountAsync(IsGoods, 2);
        await WaitForSentAsync(store, order.Id, 1);
        // The same click posted again (a double submit, a back button): that resend exists, nothing more is sent.
        using (var again = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Contains("already sent", (await PageForms.GetPageAsync(client, path)).QuerySelector("#order-notice")!.TextContent);
        // The job itself run twice for a new resend: one more message, not two.
        await store.WithScopeAsync(async sp =>
        {
            var job = sp.GetRequiredService<FulfilOrderJob>();
            await job.RedeliverAsync(store.Tenant.Id, order.Id, 2, CancellationToken.None);
            await job.RedeliverAsync(store.Tenant.Id, order.Id, 2, CancellationToken.None);
            return 0;
        });
        await buyer.WaitForCountAsync(IsGoods, 3);
        await Task.Delay(1000);
        Assert.Equal(3, (await buyer.MessagesAsync()).Count(IsGoods));
        var history = await PageForms.GetPageAsync(client, path);
        Assert.Contains("Secret text (sent again)", history.QuerySelector("#deliveries")!.TextContent);
        Assert.Equal(1, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.fulfilled")));
    }

    [Fact]
    public async Task A_refund_with_a_reason_from_the_portal_returns_the_stars_and_keeps_the_reason()
    {
        var store = await TestStore.CreateAsync(app, "Refund");
        var product = await store.AddTextProductAsync("Guide", 15, "THE GUIDE");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Sam", stars: 100);
        await buyer.PayAsync(await buyer.OpenInvoiceAsync(product));
        var order = (await SellingEndToEndTests.WaitForOrdersAsync(store, 1, OrderStatus.Fulfilled)).Single();
        using var client = await app.OwnerClientAsync(store.Tenant);
        var path = $"/stores/{store.Tenant.Slug}/orders/{order.Id}/refund";

        using var refunded = await PageForms.SubmitAsync(client, path, "#refund-form", new Dictionary<string, string> { ["Reason"] = "Bought it twice" });
        Assert.Equal(HttpStatusCode.Redirect, refunded.StatusCode);
        var result = await PageForms.GetPageAsync(client, path);
        Assert.Contains("Refunded", result.QuerySelector("#refund-message")!.TextContent);
        Assert.Equal($"/stores/{store.Tenant.Slug}/orders/{order.Id}", result.QuerySelector("#back-to-order")!.GetAttribute("href"));
        Assert.Null(result.QuerySelector("#refund-form"));
        var detail = await PageForms.GetPageAsync(client, $"/stores/{store.Tenant.Slug}/orders/{order.Id}");
        Assert.Equal("Bought it twice", detail.QuerySelector("#refund-reason")!.TextContent);
        Assert.Equal("Bought it twice", await store.WithDbAsync(db => db.Orders.Where(o => o.Id == order.Id).Select(o => o.RefundReason).SingleAsync()));
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("was refunded", StringComparison.Ordinal) == true);
        Assert.Equal(100, await buyer.StarsAsync());
    }

    private static async Task WaitForSentAsync(TestStore store, Guid orderId, int sequence)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await store.WithDbAsync(db => db.Deliveries.AnyAsync(d => d.OrderId == orderId && d.Sequence == sequence && d.SentAt != null)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The resend was not sent.");
            await Task.Delay(50);
        }
    }
}
