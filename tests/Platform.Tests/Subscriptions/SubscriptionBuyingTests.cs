using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Orders;
using Platform.Core.Payments;
using Platform.Core.Subscriptions;
using Platform.Tests.Bots;
using Telegram.Bot.Types.Payments;

namespace Platform.Tests.Subscriptions;

/// <summary>
/// Buying a plan in the bot through the sandbox's invoice link, renewals on a moved clock (recorded once per charge),
/// cancel and resume from /subscriptions, a refunded renewal and a purchase after expiry — one membership row throughout.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class SubscriptionBuyingTests(SubscriptionAppFactory app) : IClassFixture<SubscriptionAppFactory>
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2592000);

    [Fact]
    public async Task A_plan_bought_by_invoice_link_starts_a_membership_and_each_renewal_is_recorded_once_as_its_own_order()
    {
        var (store, plan, buyer) = await StartAsync("Renewals", stars: 200);
        var card = await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("/ month", StringComparison.Ordinal) == true
            && SandboxClient.HasButton(m, "b:"));
        Assert.Contains("50 ⭐ / month", SandboxClient.Text(card), StringComparison.Ordinal);
        await SubscribeAsync(buyer, card, plan);

        var membership = await WaitForMembershipAsync(store, s => s.Status == SubscriptionStatus.Active);
        var telegram = await SandboxSubscriptionAsync(buyer);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(telegram.GetProperty("expires_at").GetInt64()), membership.PeriodEnd);
        Assert.Equal(SubscriptionSource.Stars, membership.Source);
        Assert.Equal(50, membership.PriceStars);
        var first = Assert.Single(await Orders(store));
        Assert.Equal(membership.Id, first.SubscriptionId);
        Assert.Equal(membership.TelegramChargeId, first.TelegramPaymentChargeId);
        Assert.Equal(1, await Events(store, "subscription.started"));
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("is active until", StringComparison.Ordinal) == true);

        // 30 days later Telegram renews from the buyer's balance: a second order, the period extended, renewed once.
        await AdvanceAsync(Period);
        var orders = await WaitForOrderCountAsync(store, 2);
        var renewal = orders.Single(o => o.Id != first.Id);
        Assert.Contains(renewal.Status, new[] { OrderStatus.Paid, OrderStatus.Fulfilled });
        Assert.Equal(membership.Id, renewal.SubscriptionId);
        membership = await WaitForMembershipAsync(store, s => s.PeriodEnd > membership.PeriodEnd);
        telegram = await SandboxSubscriptionAsync(buyer);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(telegram.GetProperty("expires_at").GetInt64()), membership.PeriodEnd);
        Assert.Equal(1, await Events(store, "subscription.renewed"));
        Assert.Equal(100, 200 - await buyer.StarsAsync());

        // The same renewal (and the first payment) delivered again: nothing doubles, never a duplicate charge.
        foreach (var charge in new[] { renewal, first })
        {
            var payment = new SuccessfulPayment
            {
                Currency = "XTR",
                TotalAmount = 50,
                InvoicePayload = OrderIds.ToPayload(first.Id),
                TelegramPaymentChargeId = charge.TelegramPaymentChargeId!,
                ProviderPaymentChargeId = charge.TelegramPaymentChargeId!,
                SubscriptionExpirationDate = membership.PeriodEnd.UtcDateTime,
                IsRecurring = true,
                IsFirstRecurring = charge.Id == first.Id,
            };
            var again = await store.WithScopeAsync(sp => sp.GetRequiredService<PaymentRecorder>().RecordAsync(payment, buyer.UserId, CancellationToken.None));
            Assert.Equal(charge.Id, again);
        }

        Assert.Equal(2, (await Orders(store)).Count);
        Assert.Equal(1, await Events(store, "subscription.renewed"));
        Assert.Equal(2, await Events(store, "order.paid"));
        Assert.Equal(0, await store.WithDbAsync(db => db.DuplicateCharges.CountAsync()));
        Assert.Equal(membership.PeriodEnd, (await Membership(store)).PeriodEnd);
    }

    [Fact]
    public async Task A_member_cancels_from_the_bot_keeps_access_to_the_period_end_and_can_resume_before_it()
    {
        var (store, plan, buyer) = await StartAsync("Cancels", stars: 200);
        await SubscribeAsync(buyer, await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "b:")), plan);
        var membership = await WaitForMembershipAsync(store, s => s.Status == SubscriptionStatus.Active);

        // Buying again while a member: told so, no second invoice link.
        await buyer.SendAsync($"/start p_{plan}");
        await buyer.PressAsync(await LastWithButtonAsync(buyer, "b:"), $"b:{plan:N}");
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("already a member", StringComparison.Ordinal) == true);

        await buyer.SendAsync("/subscriptions");
        var list = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "s:x:"));
        await buyer.PressAsync(list, SandboxClient.Button(list, "s:x:"));
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("will not renew", StringComparison.Ordinal) == true);
        var canceled = await Membership(store);
        Assert.Equal(SubscriptionStatus.Canceled, canceled.Status);
        Assert.Equal("customer", canceled.CanceledBy);
        Assert.Equal(membership.PeriodEnd, canceled.AccessEndsAt);
        Assert.Null(canceled.RemindAt);
        Assert.True((await SandboxSubscriptionAsync(buyer)).GetProperty("canceled").GetBoolean());
        Assert.Equal(1, await Events(store, "subscription.canceled"));

        await buyer.SendAsync("/subscriptions");
        var again = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "s:r:"));
        await buyer.PressAsync(again, SandboxClient.Button(again, "s:r:"));
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains("renews again", StringComparison.Ordinal) == true);
        var resumed = await Membership(store);
        Assert.Equal(SubscriptionStatus.Active, resumed.Status);
        Assert.Equal(membership.PeriodEnd.AddHours(24), resumed.AccessEndsAt);
        Assert.False((await SandboxSubscriptionAsync(buyer)).GetProperty("canceled").GetBoolean());
        Assert.Contains("\"resumed\"", await LastEventData(store, "subscription.reactivated"), StringComparison.Ordinal);
        Assert.Equal(1, await store.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Action == "canceled" && e.Actor == "customer")));
        Assert.Equal(1, await store.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Action == "resumed" && e.Actor == "customer")));
    }

    [Fact]
    public async Task A_refunded_renewal_ends_access_at_once_and_a_purchase_after_expiry_reactivates_the_same_membership()
    {
        var (store, plan, buyer) = await StartAsync("Refunds", stars: 500);
        await SubscribeAsync(buyer, await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "b:")), plan);
        var membership = await WaitForMembershipAsync(store, s => s.Status == SubscriptionStatus.Active);
        await AdvanceAsync(Period);
        var renewal = (await WaitForOrderCountAsync(store, 2)).Single(o => o.TelegramPaymentChargeId != membership.TelegramChargeId);

        var refunded = await store.WithScopeAsync(sp => sp.GetRequiredService<RefundService>().RefundAsync(renewal.Id, CancellationToken.None));
        Assert.Equal(RefundResult.Refunded, refunded);
        var expired = await Membership(store);
        Assert.Equal(SubscriptionStatus.Expired, expired.Status);
        Assert.NotNull(expired.ExpiredAt);
        Assert.Contains("\"refunded\"", await LastEventData(store, "subscription.expired"), StringComparison.Ordinal);
        Assert.True((await SandboxSubscriptionAsync(buyer)).GetProperty("canceled").GetBoolean()); // Telegram will not charge again
        await WaitForProcessedAsync(store); // the refunded_payment update changes nothing more
        Assert.Equal(1, await Events(store, "subscription.expired"));

        // Subscribing again after expiry: a new Telegram subscription, the same membership row, reactivated (late_payment).
        await buyer.SendAsync($"/start p_{plan}");
        await SubscribeAsync(buyer, await LastWithButtonAsync(buyer, "b:"), plan);
        var back = await WaitForMembershipAsync(store, s => s.Status == SubscriptionStatus.Active);
        Assert.Equal(membership.Id, back.Id);
        Assert.NotEqual(membership.TelegramChargeId, back.TelegramChargeId);
        Assert.Equal(3, (await Orders(store)).Count);
        Assert.Contains("\"late_payment\"", await LastEventData(store, "subscription.reactivated"), StringComparison.Ordinal);
        Assert.Equal(1, await store.WithDbAsync(db => db.Subscriptions.CountAsync()));
    }

    [Fact]
    public async Task A_renewal_refunded_outside_the_platform_ends_access_when_its_refunded_payment_arrives()
    {
        var (store, plan, buyer) = await StartAsync("Outside", stars: 500);
        await SubscribeAsync(buyer, await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "b:")), plan);
        var membership = await WaitForMembershipAsync(store, s => s.Status == SubscriptionStatus.Active);
        await AdvanceAsync(Period);
        var renewal = (await WaitForOrderCountAsync(store, 2)).Single(o => o.TelegramPaymentChargeId != membership.TelegramChargeId);

        // Refunded straight through the Bot API: the refunded_payment update carries the FIRST order's payload.
        var token = await store.WithScopeAsync(async sp => sp.GetRequiredService<Platform.Core.Bots.BotSecrets>()
            .Unprotect((await sp.GetRequiredService<Platform.Core.Data.PlatformDbContext>().Bots.SingleAsync()).TokenCiphertext));
        var client = new Telegram.Bot.TelegramBotClient(new Telegram.Bot.TelegramBotClientOptions(token, app.Sandbox.BaseUrl.ToString().TrimEnd('/')));
        await Telegram.Bot.TelegramBotClientExtensions.RefundStarPayment(client, buyer.UserId, renewal.TelegramPaymentChargeId!);

        await WaitForMembershipAsync(store, s => s.Status == SubscriptionStatus.Expired);
        Assert.Equal(OrderStatus.Refunded, (await Orders(store)).Single(o => o.Id == renewal.Id).Status);
        Assert.NotEqual(OrderStatus.Refunded, (await Orders(store)).Single(o => o.Id != renewal.Id).Status);
        Assert.Contains("\"refunded\"", await LastEventData(store, "subscription.expired"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expiring_a_due_membership_twice_at_once_expires_it_once_and_the_merchant_can_restore_it()
    {
        var (store, plan, buyer) = await StartAsync("Expiry", stars: 0);
        var customerId = await store.WithScopeAsync(sp => sp.GetRequiredService<CustomerDirectory>()
            .UpsertAsync(new Telegram.Bot.Types.User { Id = buyer.UserId, FirstName = "Max" }, CancellationToken.None));
        var now = app.Clock.GetUtcNow();
        await store.WithScopeAsync(sp => sp.GetRequiredService<SubscriptionLifecycle>()
            .GrantComplimentaryAsync(plan, customerId, now.AddHours(1), "merchant:owner@example.test", CancellationToken.None));
        var membership = await Membership(store);
        Assert.Equal(SubscriptionSource.Complimentary, membership.Source);
        Assert.InRange((membership.AccessEndsAt - now.AddHours(1)).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await Events(store, "subscription.started"));

        Assert.False(await store.WithScopeAsync(sp => sp.GetRequiredService<SubscriptionLifecycle>().ExpireAsync(membership.Id, "not_renewed",
            CancellationToken.None)));
        await AdvanceAsync(TimeSpan.FromHours(2));
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => store.WithScopeAsync(sp =>
            sp.GetRequiredService<SubscriptionLifecycle>().ExpireAsync(membership.Id, "not_renewed", CancellationToken.None))));
        Assert.Single(results, r => r);
        Assert.Equal(SubscriptionStatus.Expired, (await Membership(store)).Status);
        Assert.Equal(1, await Events(store, "subscription.expired"));

        // Past its end it cannot be resumed; the merchant's "restore access" makes it active again, logged and announced.
        var resume = await store.WithScopeAsync(sp => sp.GetRequiredService<SubscriptionLifecycle>().ResumeAsync(membership.Id, "customer",
            CancellationToken.None));
        Assert.Equal(Platform.Core.Common.FailureKind.Conflict, resume.Failure?.Kind);
        await store.WithScopeAsync(sp => sp.GetRequiredService<SubscriptionLifecycle>().RestoreAsync(membership.Id, app.Clock.GetUtcNow().AddDays(7),
            "merchant:owner@example.test", CancellationToken.None));
        var restored = await Membership(store);
        Assert.Equal(SubscriptionStatus.Active, restored.Status);
        Assert.True(restored.PeriodEnd > app.Clock.GetUtcNow().AddDays(6));
        Assert.Contains("\"restored\"", await LastEventData(store, "subscription.reactivated"), StringComparison.Ordinal);
        Assert.Equal(1, await store.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Action == "restored" && e.Actor == "merchant:owner@example.test")));
    }

    [Fact]
    public async Task Two_invoice_links_both_paid_leave_one_telegram_subscription_renewing_and_one_membership()
    {
        var (store, plan, buyer) = await StartAsync("Twice", stars: 500);
        var card = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, "b:"));
        // Subscribe tapped twice before paying either link (no membership yet, so both taps get a link).
        await buyer.PressAsync(card, $"b:{plan:N}");
        await buyer.WaitForCountAsync(m => LinkOf(m) is not null, 1);
        await buyer.PressAsync(card, $"b:{plan:N}");
        await buyer.WaitForCountAsync(m => LinkOf(m) is not null, 2);
        foreach (var link in (await buyer.MessagesAsync()).Select(LinkOf).OfType<string>().ToList())
        {
            var paid = await app.Telegram.PostAsync($"sandbox/v1/users/{buyer.UserId}/payments", new { invoice_link = link });
            Assert.Equal("paid", paid.GetProperty("status").GetString());
        }

        await WaitForOrderCountAsync(store, 2);
        var membership = await WaitForMembershipAsync(store, s => s.Status == SubscriptionStatus.Active);
        Assert.Equal(2, (await Orders(store)).Count(o => o.SubscriptionId == membership.Id)); // both charges recorded
        // The first Telegram subscription is cancelled; only the one the membership names renews.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<JsonElement> telegram;
        do
        {
            await Task.Delay(100);
            telegram = [.. (await app.Telegram.GetAsync($"sandbox/v1/users/{buyer.UserId}/subscriptions")).EnumerateArray()];
        }
        while (telegram.Count(s => !s.GetProperty("canceled").GetBoolean()) > 1 && DateTime.UtcNow < deadline);
        var renewing = Assert.Single(telegram, s => !s.GetProperty("canceled").GetBoolean());
        Assert.Contains(membership.TelegramChargeId, renewing.GetProperty("charge_ids").EnumerateArray().Select(c => c.GetString()));
    }

    private async Task<(TestStore Store, Guid Plan, SandboxBuyer Buyer)> StartAsync(string name, long stars)
    {
        var store = await TestStore.CreateAsync(app, name);
        var plan = await store.AddTextProductAsync($"{name} club", 50, "", p => p.Kind = ProductKind.Subscription);
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, name + "Fan", stars);
        await buyer.SendAsync($"/start p_{plan}");
        return (store, plan, buyer);
    }

    /// <summary>Presses Subscribe on the card, takes the invoice link from the bot's link button and pays it.</summary>
    private async Task SubscribeAsync(SandboxBuyer buyer, JsonElement card, Guid plan)
    {
        var before = (await buyer.MessagesAsync()).Count(m => LinkOf(m) is not null);
        await buyer.PressAsync(card, $"b:{plan:N}");
        string? link = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (link is null)
        {
            var links = (await buyer.MessagesAsync()).Select(LinkOf).Where(l => l is not null).ToList();
            link = links.Count > before ? links[^1] : null;
            Assert.True(DateTime.UtcNow < deadline, "No invoice link arrived.");
            await Task.Delay(50);
        }

        var paid = await app.Telegram.PostAsync($"sandbox/v1/users/{buyer.UserId}/payments", new { invoice_link = link });
        Assert.Equal("paid", paid.GetProperty("status").GetString());
    }

    private static string? LinkOf(JsonElement message) =>
        SandboxClient.Has(message, "buttons")
            ? message.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
                .Select(b => b.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null)
                .FirstOrDefault(u => u?.StartsWith("https://t.me/$", StringComparison.Ordinal) == true)
            : null;

    private static async Task<JsonElement> LastWithButtonAsync(SandboxBuyer buyer, string prefix)
    {
        var count = (await buyer.MessagesAsync()).Count(m => SandboxClient.HasButton(m, prefix));
        await buyer.WaitForCountAsync(m => SandboxClient.HasButton(m, prefix), count + 1);
        return (await buyer.MessagesAsync()).Last(m => SandboxClient.HasButton(m, prefix));
    }

    private async Task<JsonElement> SandboxSubscriptionAsync(SandboxBuyer buyer)
    {
        var all = await app.Telegram.GetAsync($"sandbox/v1/users/{buyer.UserId}/subscriptions");
        return all.EnumerateArray().Last();
    }

    private Task<JsonElement> AdvanceAsync(TimeSpan by) => app.Telegram.PostAsync("sandbox/v1/clock/advance", new { seconds = (long)by.TotalSeconds });

    private static Task<List<Order>> Orders(TestStore store) => store.WithDbAsync(db => db.Orders.AsNoTracking().OrderBy(o => o.CreatedAt).ToListAsync());

    private static Task<Subscription> Membership(TestStore store) => store.WithDbAsync(db => db.Subscriptions.AsNoTracking().SingleAsync());

    private static Task<int> Events(TestStore store, string type) => store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == type));

    private static Task<string> LastEventData(TestStore store, string type) =>
        store.WithDbAsync(db => db.OutboxEvents.Where(e => e.Type == type).OrderByDescending(e => e.CreatedAt).Select(e => e.Data).FirstAsync());

    private static async Task<Subscription> WaitForMembershipAsync(TestStore store, Func<Subscription, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var found = await store.WithDbAsync(db => db.Subscriptions.AsNoTracking().ToListAsync());
            if (found.Count == 1 && match(found[0]))
            {
                return found[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"The membership did not reach the expected state ({found.Count} rows).");
            await Task.Delay(50);
        }
    }

    private static async Task<List<Order>> WaitForOrderCountAsync(TestStore store, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var orders = await store.WithDbAsync(db => db.Orders.AsNoTracking().Where(o => o.TelegramPaymentChargeId != null).ToListAsync());
            if (orders.Count >= count)
            {
                return orders;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Only {orders.Count} paid orders arrived.");
            await Task.Delay(50);
        }
    }

    private static async Task WaitForProcessedAsync(TestStore store)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await store.WithDbAsync(db => db.InboxUpdates.AnyAsync(u => u.ProcessedAt == null)))
        {
            Assert.True(DateTime.UtcNow < deadline, "Updates were not processed.");
            await Task.Delay(50);
        }
    }
}
