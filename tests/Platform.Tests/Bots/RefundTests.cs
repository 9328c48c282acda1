using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Orders;
using Platform.Core.Payments;
using Telegram.Bot;

namespace Platform.Tests.Bots;

/// <summary>Refunds from both sides: refunded_payment arriving first or twice, and CHARGE_ALREADY_REFUNDED, change nothing more.</summary>
[Collection(BotTests.Collection)]
public sealed class RefundTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task A_refund_made_outside_the_portal_then_again_from_the_portal_is_recorded_once()
    {
        var store = await TestStore.CreateAsync(app, "Refunds");
        var product = await store.AddTextProductAsync("Guide", 15, "THE GUIDE");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Rae", stars: 100);
        Assert.Equal("paid", (await buyer.PayAsync(await buyer.OpenInvoiceAsync(product))).GetProperty("status").GetString());
        var order = (await SellingEndToEndTests.WaitForOrdersAsync(store, 1, OrderStatus.Fulfilled)).Single();

        // Refunded directly through the Bot API (e.g. by a support script): Telegram sends refunded_payment.
        var token = await store.WithScopeAsync(async sp =>
            sp.GetRequiredService<BotSecrets>().Unprotect((await sp.GetRequiredService<Platform.Core.Data.PlatformDbContext>().Bots.SingleAsync())
                .TokenCiphertext));
        var client = new TelegramBotClient(new TelegramBotClientOptions(token, app.Sandbox.BaseUrl.ToString().TrimEnd('/')));
        await client.RefundStarPayment(buyer.UserId, order.TelegramPaymentChargeId!);

        // The merchant presses refund too: Telegram answers CHARGE_ALREADY_REFUNDED, which counts as done.
        var result = await store.WithScopeAsync(sp => sp.GetRequiredService<RefundService>().RefundAsync(order.Id, CancellationToken.None));
        Assert.Contains(result, new[] { RefundResult.Refunded, RefundResult.AlreadyRefunded });
        await SellingEndToEndTests.WaitForOrdersAsync(store, 1, OrderStatus.Refunded);
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("was refunded", StringComparison.Ordinal) == true);

        // Let the refunded_payment update be processed, then check nothing happened twice.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await store.WithDbAsync(db => db.InboxUpdates.AnyAsync(u => u.ProcessedAt == null)))
        {
            Assert.True(DateTime.UtcNow < deadline, "Updates were not processed.");
            await Task.Delay(50);
        }

        Assert.Equal(100, await buyer.StarsAsync());
        Assert.Equal(1, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.refunded")));
        Assert.Equal(1, await store.WithDbAsync(db => db.Deliveries.CountAsync(d => d.Kind == DeliveryKind.RefundNotice)));
        Assert.Single(await buyer.MessagesAsync(), m => SandboxClient.Text(m)?.Contains("was refunded", StringComparison.Ordinal) == true);
    }
}
