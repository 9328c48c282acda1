using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Orders;
using Platform.Core.Payments;
using Telegram.Bot;

namespace Platform.Tests.Bots;

/// <summary>
/// One order paid twice (two payments of its invoice both let through): the first charge keeps the order, the second is
/// recorded once and its Stars go back to the buyer once — however often Telegram delivers it — and the refund's own
/// refunded_payment leaves the paid order alone.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class DuplicateChargeTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task A_second_charge_for_a_paid_order_is_refunded_once_and_recorded_once_even_when_delivered_three_times()
    {
        var store = await TestStore.CreateAsync(app, "Double");
        var product = await store.AddTextProductAsync("Poem", 7, "Roses.");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Dot", stars: 100);
        var invoice = await buyer.OpenInvoiceAsync(product);

        // The bot's updates are held back (no webhook) and the test answers both pre-checkouts itself: both charges happen.
        var bot = new SandboxBotApi(app, await TokenAsync(store));
        await bot.Client.DeleteWebhook();
        var first = await PayLettingPreCheckoutThroughAsync(buyer, invoice, bot);
        var second = await PayLettingPreCheckoutThroughAsync(buyer, invoice, bot);
        Assert.Equal(100 - 7 - 7, await buyer.StarsAsync());
        var payments = await bot.UpdatesAsync(u => u.TryGetProperty("message", out var m) && m.TryGetProperty("successful_payment", out _), 2);

        // Telegram delivers the first charge once and the second three times (retries), two of them at once.
        var secret = await IngressTests.SecretAsync(store);
        using var http = app.CreateHttpClient();
        await IngressTests.PostAsync(http, store.BotId, secret, payments[0].GetRawText());
        var order = (await SellingEndToEndTests.WaitForOrdersAsync(store, 1, OrderStatus.Fulfilled)).Single();
        Assert.Equal(first, order.TelegramPaymentChargeId);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => IngressTests.PostAsync(http, store.BotId, secret, payments[1].GetRawText())));
        await IngressTests.PostAsync(http, store.BotId, secret, payments[1].GetRawText());
        var duplicate = await WaitAsync(() => store.WithDbAsync(db => db.DuplicateCharges.SingleOrDefaultAsync(c => c.RefundedAt != null)));

        Assert.Equal((second, order.Id, buyer.UserId, 7), (duplicate.TelegramPaymentChargeId, duplicate.OrderId, duplicate.BuyerTelegramUserId,
            duplicate.AmountStars));
        Assert.Equal(100 - 7, await buyer.StarsAsync());

        // Telegram tells the bot about the refund it made: the paid order stays paid; running the job again changes nothing.
        var refunded = await bot.UpdatesAsync(u => u.TryGetProperty("message", out var m) && m.TryGetProperty("refunded_payment", out _), 1);
        await IngressTests.PostAsync(http, store.BotId, secret, refunded[0].GetRawText());
        await WaitAsync(async () => await store.WithDbAsync(db => db.InboxUpdates.AnyAsync(u => u.ProcessedAt == null)) ? null : "done");
        Assert.True(await store.WithScopeAsync(sp => sp.GetRequiredService<DuplicateChargeRefundJob>()
            .RefundAsync(store.Tenant.Id, duplicate.Id, CancellationToken.None)));
        Assert.Equal(100 - 7, await buyer.StarsAsync());
        Assert.Equal(OrderStatus.Fulfilled, await store.WithDbAsync(db => db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync()));
        Assert.Equal(1, await store.WithDbAsync(db => db.DuplicateCharges.CountAsync()));
        Assert.Equal(0, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.refunded")));
        Assert.Equal(1, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.paid")));
    }

    private static async Task<string> PayLettingPreCheckoutThroughAsync(SandboxBuyer buyer, JsonElement invoice, SandboxBotApi bot)
    {
        var paying = buyer.PayAsync(invoice);
        await bot.AnswerNextPreCheckoutAsync();
        var paid = await paying;
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        return paid.GetProperty("telegram_payment_charge_id").GetString()!;
    }

    private static Task<string> TokenAsync(TestStore store) => store.WithScopeAsync(async sp =>
        sp.GetRequiredService<BotSecrets>().Unprotect((await sp.GetRequiredService<Platform.Core.Data.PlatformDbContext>().Bots.SingleAsync())
            .TokenCiphertext));

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(100);
        }
    }
}
