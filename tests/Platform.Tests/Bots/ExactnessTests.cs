extern alias Sandbox;
using System.Net;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Bots;
using Platform.Core.Catalog;
using Platform.Core.Inbox;
using Platform.Core.Orders;
using Sandbox::Platform.TelegramSandbox;
using Sandbox::Platform.TelegramSandbox.Time;

namespace Platform.Tests.Bots;

/// <summary>Exactly once under redelivery, re-runs and contention.</summary>
[Collection(BotTests.Collection)]
public sealed class ExactnessTests(ExactnessTests.Host app) : IClassFixture<ExactnessTests.Host>
{
    /// <summary>
    /// These tests are about counts, not speed: the sandbox clock is frozen, so Telegram's 10 s pre-checkout window
    /// cannot expire on a busy test machine, and its flood limits (which refill on that clock) are off; our own
    /// send gates still pace every message.
    /// </summary>
    public sealed class Host : BotAppFactory
    {
        protected override void ConfigureSandbox(SandboxHostOptions options)
        {
            options.Clock = SandboxClock.Frozen(DateTimeOffset.UtcNow);
            options.Configure = o => o.RateLimits.Enabled = false;
        }

        /// <summary>
        /// The tightest pre-checkout queue (one decision at a time, key reservation included): the 200 buyers' rush
        /// below must still sell exactly 100, so queueing decisions changes nothing but their order.
        /// </summary>
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Telegram:PreCheckoutMaxConcurrency"] = "1";
        }
    }

    [Fact]
    public async Task Every_update_delivered_three_times_yields_one_order_one_delivery_one_key()
    {
        var store = await TestStore.CreateAsync(app, "Thrice");
        var product = await store.AddKeyProductAsync("Key", 5, ["K-1", "K-2", "K-3"]);
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Tom");
        Assert.Equal("paid", (await buyer.PayAsync(await buyer.OpenInvoiceAsync(product))).GetProperty("status").GetString());
        await SellingEndToEndTests.WaitForOrdersAsync(store, 1, OrderStatus.Fulfilled);

        // Telegram redelivers every update twice more: ingress answers 200 and stores nothing new.
        var secret = await IngressTests.SecretAsync(store);
        var payloads = await store.WithDbAsync(db => db.InboxUpdates.OrderBy(u => u.UpdateId).Select(u => u.Payload).ToListAsync());
        using var http = app.CreateHttpClient();
        foreach (var payload in payloads.Concat(payloads))
        {
            Assert.Equal(HttpStatusCode.OK, (await IngressTests.PostAsync(http, store.BotId, secret, Encoding.UTF8.GetString(payload))).StatusCode);
        }

        Assert.Equal(payloads.Count, await store.WithDbAsync(db => db.InboxUpdates.CountAsync()));

        // And a job re-runs every update (a worker died before marking them): handlers change nothing more.
        await store.WithDbAsync(db => db.InboxUpdates.ExecuteUpdateAsync(s => s.SetProperty(u => u.ProcessedAt, (DateTimeOffset?)null)));
        var tenantId = store.Tenant.Id;
        var botId = store.BotId;
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<InboxProcessor>(p => p.ProcessBotAsync(tenantId, botId, CancellationToken.None));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await store.WithDbAsync(db => db.InboxUpdates.AnyAsync(u => u.ProcessedAt == null)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The re-run did not finish.");
            await Task.Delay(50);
        }

        Assert.Equal(1, await store.WithDbAsync(db => db.Orders.CountAsync(o => o.Status != OrderStatus.Pending)));
        Assert.Equal(1, await store.WithDbAsync(db => db.Deliveries.CountAsync(d => d.Sequence == 0)));
        Assert.Equal(1, await store.WithDbAsync(db => db.LicenseKeys.CountAsync(k => k.Status == LicenseKeyStatus.Sold)));
        Assert.Equal(1, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.paid")));
        Assert.Equal(1, await store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == "order.fulfilled")));
        Assert.Single(await buyer.MessagesAsync(), m => SandboxClient.Text(m)?.Contains("license key", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Two_hundred_buyers_on_a_pool_of_one_hundred_keys_buy_exactly_one_hundred()
    {
        var store = await TestStore.CreateAsync(app, "Rush");
        var product = await store.AddKeyProductAsync("Limited", 7, Enumerable.Range(0, 100).Select(i => $"RUSH-{i:D3}"));
        var buyers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, $"B{i}", stars: 100)));

        // Everyone holds an invoice first (stock is only reserved at pre-checkout), then all pay at once.
        var invoices = await Task.WhenAll(buyers.Select(b => b.OpenInvoiceAsync(product)));
        var outcomes = await Task.WhenAll(buyers.Select((b, i) => b.PayAsync(invoices[i])));

        var paid = outcomes.Count(o => o.GetProperty("status").GetString() == "paid");
        var refused = outcomes.Where(o => o.GetProperty("status").GetString() == "rejected").ToList();
        var breakdown = string.Join("\n",
            outcomes.GroupBy(o => $"{o.GetProperty("status")} {(o.TryGetProperty("error_message", out var m) ? m.ToString() : "")}")
            .Select(g => $"{g.Key}: {g.Count()}"));
        Assert.True(paid == 100 && refused.Count == 100, breakdown);
        Assert.All(refused, r => Assert.Contains("sold out", r.GetProperty("error_message").GetString(), StringComparison.Ordinal));
        var stars = await Task.WhenAll(buyers.Select(b => b.StarsAsync()));
        Assert.Equal(100, stars.Count(s => s == 93));
        Assert.Equal(100, stars.Count(s => s == 100));

        await SellingEndToEndTests.WaitForOrdersAsync(store, 100, OrderStatus.Fulfilled, TimeSpan.FromSeconds(120));
        Assert.Equal(100, await store.WithDbAsync(db => db.LicenseKeys.CountAsync(k => k.Status == LicenseKeyStatus.Sold)));
        Assert.Equal(100, await store.WithDbAsync(db => db.LicenseKeys.Where(k => k.OrderId != null).Select(k => k.OrderId).Distinct().CountAsync()));
        Assert.Equal(100, await store.WithDbAsync(db => db.Deliveries.CountAsync()));
    }
}
