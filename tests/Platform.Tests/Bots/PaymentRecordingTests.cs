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

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.WithScopeAsync(sp => sp.GetRequiredService<PaymentRecorder>().RecordAsync(payment, CancellationToken.None))));

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
    public async Task A_second_charge_for_a_paid_order_is_not_recorded_and_changes_nothing()
    {
        var (store, orderId) = await PendingOrderAsync("Twice");
        Assert.Equal(orderId, await store.WithScopeAsync(sp => sp.GetRequiredService<PaymentRecorder>().RecordAsync(Payment(orderId, "charge-first"), CancellationToken.None)));

        Assert.Null(await store.WithScopeAsync(sp => sp.GetRequiredService<PaymentRecorder>().RecordAsync(Payment(orderId, "charge-second"), CancellationToken.None)));

        Assert.Equal("charge-first", await store.WithDbAsync(db => db.Orders.Where(o => o.Id == orderId).Select(o => o.TelegramPaymentChargeId).SingleAsync()));
        Assert.Equal(1, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.paid")));
    }

    [Fact]
    public async Task A_payment_for_no_order_of_ours_records_nothing()
    {
        var (store, _) = await PendingOrderAsync("Stranger");

        Assert.Null(await store.WithScopeAsync(sp => sp.GetRequiredService<PaymentRecorder>().RecordAsync(Payment(Guid.NewGuid(), "charge-x"), CancellationToken.None)));

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

    private static SuccessfulPayment Payment(Guid orderId, string chargeId) => new()
    {
        Currency = "XTR", TotalAmount = 3, InvoicePayload = OrderIds.ToPayload(orderId), TelegramPaymentChargeId = chargeId, ProviderPaymentChargeId = "",
    };
}
