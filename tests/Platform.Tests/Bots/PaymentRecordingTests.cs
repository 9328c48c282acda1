using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Orders;
using Platform.Core.Payments;
using Telegram.Bot.Types.Payments;

namespace Platform.Tests.Bots;

/// <summary>
/// The recorder's one-statement path for files and texts (the key path has its own tests in <see cref="ExactnessTests"/>):
/// the order is paid, and order.paid written, once — however many copies of the payment race, and whatever comes after.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class PaymentRecordingTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    [Fact]
    public async Task Copies_of_one_payment_recorded_at_the_same_time_pay_the_order_once_with_one_event()
    {
        var (store, orderId) = await PendingOrderAsync("Racer");
        var payment = Payment(orderId, "charge-race-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.WithScopeAsync(sp => sp.GetRequiredService<PaymentRecorder>()
            .RecordAsync(payment, Buyer, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(orderId, r));
        var order = await store.WithDbAsync(db => db.Orders.SingleAsync(o => o.Id == orderId));
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal("charge-race-1", order.TelegramPaymentChargeId);
        Assert.NotNull(order.PaidAt);
        var paid = await store.WithDbAsync(db => db.OutboxEvents.Where(e => e.Type == "order.paid").Select(e => e.Data).ToListAsync());
        var data = Assert.Single(paid);
        Assert.Contains(orderId.ToString(), data, StringComparison.Ordinal);
        Assert.Contains("\"telegram_payment_charge_id\": \"charge-race-1\"", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_charge_for_a_paid_order_leaves_the_order_to_the_first_and_is_recorded_once_as_a_duplicate()
    {
        var (store, orderId) = await PendingOrderAsync("Twice");
        Assert.Equal(orderId, await store.WithScopeAsync(sp => sp.GetRequiredService<PaymentRecorder>()
            .RecordAsync(Payment(orderId, "charge-first"), Buyer, CancellationToken.None)));

        for (var delivery = 0; delivery < 3; delivery++)
        {
            Assert.Null(await store.WithScopeAsync(sp => sp.GetRequiredService<PaymentRecorder>()
                .RecordAsync(Payment(orderId, "charge-second"), Buyer, CancellationToken.None)));
        }

        Assert.Equal("charge-first", await store.WithDbAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.TelegramPaymentChargeId).SingleAsync()));
        Assert.Equal(1, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.paid")));
        var duplicate = Assert.Single(await store.WithDbAsync(db => db.DuplicateCharges.ToListAsync()));
        Assert.Equal(("charge-second", orderId, Buyer, 3), (duplicate.TelegramPaymentChargeId, duplicate.OrderId, duplicate.BuyerTelegramUserId,
            duplicate.AmountStars));
    }

    [Fact]
    public async Task An_abandoned_order_is_refused_at_pre_checkout_yet_a_payment_that_still_arrives_for_it_is_recorded()
    {
        var store = await TestStore.CreateAsync(app, "Late");
        var product = await store.AddTextProductAsync("Essay", 4, "Words.");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Lou", stars: 50);
        var invoice = await buyer.OpenInvoiceAsync(product);
        var orderId = await store.WithDbAsync(db => db.Orders.Select(o => o.Id).SingleAsync());
        await store.WithDbAsync(db => db.Orders.ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedAt, DateTimeOffset.UtcNow.AddDays(-2))));
        Assert.Equal(1, await store.WithScopeAsync(sp => sp.GetRequiredService<OrderAbandonmentJob>()
            .AbandonTenantAsync(store.Tenant.Id, CancellationToken.None)));

        var refused = await buyer.PayAsync(invoice);

        Assert.NotEqual("paid", refused.GetProperty("status").GetString());
        Assert.Equal(50, await buyer.StarsAsync());
        Assert.Equal(OrderStatus.Abandoned, await store.WithDbAsync(db => db.Orders.Select(o => o.Status).SingleAsync()));

        // Telegram completed a payment anyway (pre-checkout passed before the order was abandoned): it is never lost.
        Assert.Equal(orderId, await store.WithScopeAsync(sp => sp.GetRequiredService<PaymentRecorder>()
            .RecordAsync(Payment(orderId, "charge-late", 4), Buyer, CancellationToken.None)));
        var order = await store.WithDbAsync(db => db.Orders.SingleAsync());
        Assert.Equal((OrderStatus.Paid, "charge-late"), (order.Status, order.TelegramPaymentChargeId));
        Assert.Equal(1, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.paid")));
    }

    [Fact]
    public async Task A_payment_for_no_order_of_ours_records_nothing()
    {
        var (store, _) = await PendingOrderAsync("Stranger");

        Assert.Null(await store.WithScopeAsync(sp => sp.GetRequiredService<PaymentRecorder>()
            .RecordAsync(Payment(Guid.NewGuid(), "charge-x"), Buyer, CancellationToken.None)));

        Assert.Equal(0, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.paid")));
    }

    private async Task<(TestStore Store, Guid OrderId)> PendingOrderAsync(string name)
    {
        var store = await TestStore.CreateAsync(app, name);
        var product = await store.AddTextProductAsync("Recipe", 3, "Add salt.");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Pat");
        await buyer.OpenInvoiceAsync(product);
        return (store, await store.WithDbAsync(db => db.Orders.Where(o => o.Status == OrderStatus.Pending).Select(o => o.Id).SingleAsync()));
    }

    private const long Buyer = 4242;

    private static SuccessfulPayment Payment(Guid orderId, string chargeId, int stars = 3) => new()
    {
        Currency = "XTR",
        TotalAmount = stars,
        InvoicePayload = OrderIds.ToPayload(orderId),
        TelegramPaymentChargeId = chargeId,
        ProviderPaymentChargeId = "",
    };
}
