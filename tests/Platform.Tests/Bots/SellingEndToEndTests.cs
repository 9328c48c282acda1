using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Files;
using Platform.Core.Orders;
using Platform.Core.Payments;

namespace Platform.Tests.Bots;

/// <summary>The issue's "Done when": a merchant's bot sells a file, a key and a text to a sandbox buyer, then refunds one.</summary>
[Collection(BotTests.Collection)]
public sealed partial class SellingEndToEndTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Buyer_buys_a_file_a_key_and_a_text_and_the_merchant_refunds_the_key()
    {
        var store = await TestStore.CreateAsync(app, "Books");
        var ebook = RandomNumberGenerator.GetBytes(200_000);
        var fileProduct = await store.AddFileProductAsync("Ebook", 50, ebook, "ebook.pdf");
        var keyProduct = await store.AddKeyProductAsync("Game key", 30, ["KEY-AAAA-0001", "KEY-AAAA-0002"]);
        var textProduct = await store.AddTextProductAsync("Secret recipe", 10, "Add a pinch of salt.");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Ann", stars: 500);

        await buyer.SendAsync("/start");
        JsonElement welcome;
        try
        {
            welcome = await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("Books", StringComparison.Ordinal) == true);
        }
        catch (TimeoutException e)
        {
            var botInfo = await app.Telegram.BotAsync(store.TelegramBotId);
            var inbox = await store.WithDbAsync(db => db.InboxUpdates.AsNoTracking().ToListAsync());
            throw new InvalidOperationException(
                $"{botInfo}\n{string.Join("\n", inbox.Select(i => $"{i.UpdateId} {i.ProcessedAt} {i.Attempts} {i.LastError}"))}", e);
        }
        Assert.True(SandboxClient.HasButton(welcome, "c:root"));

        // The file: a document with the exact bytes, then a signed download link.
        var invoice = await buyer.OpenInvoiceAsync(fileProduct);
        Assert.Equal("XTR", invoice.GetProperty("invoice").GetProperty("currency").GetString());
        Assert.Equal("paid", (await buyer.PayAsync(invoice)).GetProperty("status").GetString());
        var document = await buyer.WaitForAsync(m => SandboxClient.Has(m, "document"));
        var received = await app.Telegram.DownloadAsync(document.GetProperty("document").GetProperty("url").GetString()!);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(ebook)), Convert.ToHexString(SHA256.HashData(received)));
        var linkMessage = await buyer.WaitForAsync(SandboxMessages.HasDownloadButton);
        var link = SandboxMessages.DownloadUrl(linkMessage)!;
        var tokens = app.Services.GetRequiredService<DownloadTokens>();
        Assert.Equal(DownloadTokenStatus.Valid, tokens.Verify(link[(link.LastIndexOf('/') + 1)..], DateTimeOffset.UtcNow, out var token));

        // Downloaded again through the link: whole (exact bytes), then resumed with a Range request.
        using (var http = app.CreateHttpClient())
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(link).PathAndQuery))
        {
            var whole = await http.GetByteArrayAsync(new Uri(link).PathAndQuery);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(ebook)), Convert.ToHexString(SHA256.HashData(whole)));
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(1000, 1999);
            using var ranged = await http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.PartialContent, ranged.StatusCode);
            Assert.Equal(ebook.AsSpan(1000, 1000).ToArray(), await ranged.Content.ReadAsByteArrayAsync());
        }

        // The key and the text.
        Assert.Equal("paid", (await buyer.PayAsync(await buyer.OpenInvoiceAsync(keyProduct))).GetProperty("status").GetString());
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("KEY-AAAA-000", StringComparison.Ordinal) == true);
        Assert.Equal("paid", (await buyer.PayAsync(await buyer.OpenInvoiceAsync(textProduct))).GetProperty("status").GetString());
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("Add a pinch of salt.", StringComparison.Ordinal) == true);
        Assert.Equal(500 - 50 - 30 - 10, await buyer.StarsAsync());

        var orders = await WaitForOrdersAsync(store, 3, OrderStatus.Fulfilled);
        Assert.Equal(token!.OrderId, orders.Single(o => o.ProductId == fileProduct).Id);
        var keyOrder = orders.Single(o => o.ProductId == keyProduct);
        Assert.Equal(4, await store.WithDbAsync(db => db.Deliveries.CountAsync()));

        // The merchant refunds the key order: Stars back, key revoked, buyer told, a second refund changes nothing.
        var result = await store.WithScopeAsync(sp => sp.GetRequiredService<RefundService>().RefundAsync(keyOrder.Id, CancellationToken.None));
        Assert.Equal(RefundResult.Refunded, result);
        Assert.Equal(500 - 50 - 10, await buyer.StarsAsync());
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("refunded", StringComparison.Ordinal) == true);
        Assert.Equal(RefundResult.AlreadyRefunded, await store.WithScopeAsync(sp => sp.GetRequiredService<RefundService>()
            .RefundAsync(keyOrder.Id, CancellationToken.None)));
        var key = await store.WithDbAsync(db => db.LicenseKeys.SingleAsync(k => k.OrderId == keyOrder.Id));
        Assert.Equal(LicenseKeyStatus.Revoked, key.Status);
        Assert.Equal(OrderStatus.Refunded, (await store.WithDbAsync(db => db.Orders.SingleAsync(o => o.Id == keyOrder.Id))).Status);
        Assert.Equal(1, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.refunded")));
        Assert.Equal(3, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.paid")));
        Assert.Equal(3, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.fulfilled")));
    }

    internal static async Task<List<Order>> WaitForOrdersAsync(TestStore store, int count, OrderStatus status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var orders = await store.WithDbAsync(db => db.Orders.AsNoTracking().Where(o => o.Status == status).ToListAsync());
            if (orders.Count >= count)
            {
                return orders;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Only {orders.Count} of {count} orders are {status}.");
            await Task.Delay(50);
        }
    }
}
