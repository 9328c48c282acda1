using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Ledger;
using Platform.Core.Orders;
using Platform.Core.Payments;
using Platform.Tests.Bots;
using Platform.Tests.Subscriptions;
using Telegram.Bot.Types.Payments;

namespace Platform.Tests.Ledger;

/// <summary>
/// One store's bot with a text, a key and a plan product, and the steps the ledger tests take through the real services:
/// pending orders written as the bot writes them, payments through <see cref="PaymentRecorder"/> (which hands recurring
/// ones to SubscriptionCharges), refunds through <see cref="RefundService"/>'s database half.
/// </summary>
public sealed class LedgerScenario
{
    public required TestStore Store { get; init; }
    public required Guid FileProduct { get; init; }
    public required Guid TextProduct { get; init; }
    public required Guid KeyProduct { get; init; }
    public required Guid Plan { get; init; }

    public static async Task<LedgerScenario> CreateAsync(LedgerWritesAppFactory app, string name, int keys = 50)
    {
        var store = await TestStore.CreateAsync(app, name);
        return new LedgerScenario
        {
            Store = store,
            FileProduct = await store.AddFileProductAsync("Book", 4, "%PDF-1.4 book"u8.ToArray(), "book.pdf"),
            TextProduct = await store.AddTextProductAsync("Essay", 3, "Words."),
            KeyProduct = await store.AddKeyProductAsync("Key", 5, Enumerable.Range(0, keys).Select(i => $"{name}-K{i}")),
            Plan = await Memberships.AddPlanAsync(store, "Club", 50),
        };
    }

    /// <summary>A pending order of <paramref name="productId"/> for the Telegram user <paramref name="buyer"/>, as the invoice step leaves it.</summary>
    public async Task<Guid> PendingOrderAsync(Guid productId, int price, long buyer)
    {
        var customerId = await Memberships.CustomerAsync(Store, buyer);
        return await Store.WithDbAsync(async db =>
        {
            var order = new Order
            {
                Id = Guid.NewGuid(),
                BotId = Store.BotId,
                CustomerId = customerId,
                ProductId = productId,
                PriceStars = price,
                ProductTitle = "Item",
                Status = OrderStatus.Pending,
                ChatId = buyer,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            return order.Id;
        });
    }

    public Task<Guid?> PayAsync(Guid orderId, string chargeId, int stars, long buyer) =>
        Store.WithScopeAsync(sp => sp.GetRequiredService<PaymentRecorder>().RecordAsync(Payment(orderId, chargeId, stars), buyer, CancellationToken.None));

    /// <summary>A plan's charge (<paramref name="first"/>: the first payment of the Telegram subscription, else a renewal).</summary>
    public Task<Guid?> PayPlanAsync(Guid planOrderId, string chargeId, int stars, long buyer, bool first, DateTimeOffset periodEnd)
    {
        var payment = Payment(planOrderId, chargeId, stars);
        payment.IsRecurring = true;
        payment.IsFirstRecurring = first;
        payment.SubscriptionExpirationDate = periodEnd.UtcDateTime;
        return Store.WithScopeAsync(sp => sp.GetRequiredService<PaymentRecorder>().RecordAsync(payment, buyer, CancellationToken.None));
    }

    /// <summary>The refund's database half for an order's charge (Telegram said yes, or refunded_payment arrived).</summary>
    public Task<bool> MarkRefundedAsync(Guid orderId) =>
        Store.WithScopeAsync(sp => sp.GetRequiredService<RefundService>().MarkRefundedAsync(orderId, CancellationToken.None));

    /// <summary>A refunded_payment update for <paramref name="chargeId"/> naming <paramref name="payloadOrderId"/>.</summary>
    public Task RefundedPaymentAsync(Guid payloadOrderId, string chargeId) =>
        Store.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<RefundService>().RecordRefundedPaymentAsync(payloadOrderId, chargeId, CancellationToken.None);
            return true;
        });

    /// <summary>What <see cref="DuplicateChargeRefundJob"/> does once Telegram gave a duplicate charge back.</summary>
    public Task DuplicateRefundedAsync(string chargeId) =>
        Store.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Platform.Core.Data.PlatformDbContext>();
            var charge = await db.DuplicateCharges.AsNoTracking().SingleAsync(c => c.TelegramPaymentChargeId == chargeId);
            await sp.GetRequiredService<RefundService>().MarkDuplicateRefundedAsync(charge, CancellationToken.None);
            return true;
        });

    /// <summary>A row reconciliation would write for a Telegram transaction (withdrawals, returned withdrawals, other income).</summary>
    public Task<bool> FromTelegramAsync(StarLedgerKind kind, LedgerAmount amount, DateTimeOffset at, string key, string transactionId) =>
        Store.WithScopeAsync(sp => LedgerEntries.InsertOnceAsync(sp.GetRequiredService<Platform.Core.Data.PlatformDbContext>(),
            sp.GetRequiredService<LedgerEntries>().FromTelegram(Store.BotId, kind, amount, at, key, transactionId, null), Store.Tenant.Id,
            CancellationToken.None));

    /// <summary>An adjustment as <see cref="LedgerEntries.Adjustment"/> builds it, inserted once.</summary>
    public Task<StarLedgerEntry> AdjustAsync(LedgerAmount amount, string reason, DateTimeOffset at) =>
        Store.WithScopeAsync(async sp =>
        {
            var entry = sp.GetRequiredService<LedgerEntries>().Adjustment(Store.BotId, amount, reason, at);
            Assert.True(await LedgerEntries.InsertOnceAsync(sp.GetRequiredService<Platform.Core.Data.PlatformDbContext>(), entry, Store.Tenant.Id,
                CancellationToken.None));
            return entry;
        });

    /// <summary>Rebuilds the store's checkpoints as the daily job does (the balance then sums only the rows after the cutoff).</summary>
    public Task<int> CheckpointAsync() =>
        Store.WithScopeAsync(sp => sp.GetRequiredService<LedgerCheckpoints>().RebuildAsync(CancellationToken.None));

    public Task<long> CheckpointedRowsAsync() => Store.WithDbAsync(db => db.LedgerCheckpoints.SumAsync(c => c.Rows));

    public Task<List<StarLedgerEntry>> RowsAsync() =>
        Store.WithDbAsync(db => db.StarLedger.AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.Key).ToListAsync());

    public Task<BotBalance?> BalanceAsync(DateTimeOffset? at = null) =>
        Store.WithScopeAsync(sp => sp.GetRequiredService<BalanceReader>().ForBotAsync(Store.BotId, CancellationToken.None, at));

    public static SuccessfulPayment Payment(Guid orderId, string chargeId, int stars) => new()
    {
        Currency = "XTR",
        TotalAmount = stars,
        InvoicePayload = OrderIds.ToPayload(orderId),
        TelegramPaymentChargeId = chargeId,
        ProviderPaymentChargeId = "",
    };
}
