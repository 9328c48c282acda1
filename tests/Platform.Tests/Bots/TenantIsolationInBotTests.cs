using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Orders;

namespace Platform.Tests.Bots;

/// <summary>Tenant B's bot never serves tenant A's products, files or orders — whatever ids a buyer sends it.</summary>
[Collection(BotTests.Collection)]
public sealed class TenantIsolationInBotTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Store_B_bot_never_shows_sells_or_redelivers_store_A_goods()
    {
        var storeA = await TestStore.CreateAsync(app, "Alpha");
        var storeB = await TestStore.CreateAsync(app, "Beta");
        var fileA = await storeA.AddFileProductAsync("Alpha file", 5, "alpha secret bytes"u8.ToArray(), "alpha.pdf");
        var textA = await storeA.AddTextProductAsync("Alpha text", 5, "ALPHA-ONLY");
        var textB = await storeB.AddTextProductAsync("Beta text", 5, "BETA-CONTENT");

        // A buyer who bought in store A...
        var buyerA = await SandboxBuyer.CreateAsync(app.Telegram, storeA.TelegramBotId, "Ada");
        Assert.Equal("paid", (await buyerA.PayAsync(await buyerA.OpenInvoiceAsync(textA))).GetProperty("status").GetString());
        var orderA = (await SellingEndToEndTests.WaitForOrdersAsync(storeA, 1, OrderStatus.Fulfilled)).Single();

        // ...and a buyer in store B who tries A's ids in B's bot.
        var buyerB = await SandboxBuyer.CreateAsync(app.Telegram, storeB.TelegramBotId, "Bob");
        await buyerB.SendAsync($"/start p_{fileA}");
        await buyerB.WaitForAsync(m => SandboxClient.Text(m)?.Contains("no longer available", StringComparison.Ordinal) == true);
        await buyerB.SendAsync("/catalog");
        var catalog = await buyerB.WaitForAsync(m => SandboxClient.HasButton(m, "p:"));
        Assert.True(SandboxClient.HasButton(catalog, $"p:{textB:N}"));
        Assert.False(SandboxClient.HasButton(catalog, $"p:{textA:N}"));
        Assert.False(SandboxClient.HasButton(catalog, $"p:{fileA:N}"));
        await buyerB.PressAsync(catalog, $"p:{textB:N}");
        var card = await buyerB.WaitForAsync(m => SandboxClient.HasButton(m, $"b:{textB:N}"));

        // Buying A's product or asking for A's order through B's bot: refused, nothing created in either store.
        await app.Telegram.PostAsync($"sandbox/v1/users/{buyerB.UserId}/bots/{storeB.TelegramBotId}/messages", new { text = "/orders" });
        await buyerB.WaitForAsync(m => SandboxClient.Text(m)?.Contains("no purchases", StringComparison.Ordinal) == true);
        Assert.Equal(0, await storeB.WithDbAsync(db => db.Orders.CountAsync()));
        Assert.Equal(0, await storeB.WithDbAsync(db => db.Orders.CountAsync(o => o.Id == orderA.Id)));
        Assert.DoesNotContain(await buyerB.MessagesAsync(), m => SandboxClient.Text(m)?.Contains("ALPHA-ONLY", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(await buyerB.MessagesAsync(), m => SandboxClient.Has(m, "document"));
        Assert.Equal(JsonValueKind.Object, card.ValueKind);
    }
}
