using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Ledger;
using Platform.Core.Outbound.Texts;
using Platform.Tests.Bots;
using Platform.Tests.Subscriptions;

namespace Platform.Tests.Ledger;

/// <summary>
/// Telling the merchant on a moved clock (the sandbox's clock is the platform's): real sales of 1,000 Stars, nothing
/// before the 21-day hold ends, then one balance.withdrawable event, one message to the linked owner and a dashboard
/// notice, however often and concurrently the check runs; a withdrawal takes the Stars below the minimum, and the next
/// crossing is told again.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class WithdrawableNoticeTests(SubscriptionAppFactory app) : IClassFixture<SubscriptionAppFactory>
{
    private static readonly TimeSpan Hold = TimeSpan.FromDays(21);

    [Fact]
    public async Task Crossing_the_minimum_after_the_hold_is_told_once_and_again_after_a_withdrawal_took_it_below()
    {
        var store = await TestStore.CreateAsync(app, "Payday");
        using var owner = await OwnerPortal.SignInAsync(store);
        var olga = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Olga");
        await owner.LinkAsync(olga);

        // Two real sales, 600 + 400 Stars.
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Ann", stars: 1000);
        foreach (var price in new[] { 600, 400 })
        {
            var product = await store.AddTextProductAsync($"Guide {price}", price, "the secret");
            var paid = await buyer.PayAsync(await buyer.OpenInvoiceAsync(product));
            Assert.Equal("paid", paid.GetProperty("status").GetString());
        }

        await OwnerPortal.WaitAsync(
            async () => await store.WithDbAsync(db => db.StarLedger.CountAsync(e => e.Kind == StarLedgerKind.Payment)) == 2,
            "the two credits were not written");
        var lastRelease = await store.WithDbAsync(db => db.StarLedger.MaxAsync(e => e.ReleasesAt));
        var soldAt = await store.WithDbAsync(db => db.StarLedger.MinAsync(e => e.At));
        Assert.Equal(Hold, lastRelease - await store.WithDbAsync(db => db.StarLedger.MaxAsync(e => e.At)));

        // The fan-out picks the store only once a release falls in its window.
        var fanOut = app.Services.GetRequiredService<WithdrawableCheckJob>();
        Assert.DoesNotContain(store.Tenant.Id, await fanOut.TenantsAsync(soldAt, app.Clock.GetUtcNow(), CancellationToken.None));
        Assert.Contains(store.Tenant.Id, await fanOut.TenantsAsync(lastRelease.AddSeconds(-1), lastRelease, CancellationToken.None));

        // A second before the last release: 600 withdrawable, nothing told.
        await AdvanceToAsync(lastRelease.AddSeconds(-1));
        Assert.Equal(0, await CheckAsync(store));
        Assert.Equal(600, (await BalanceAsync(store)).Withdrawable.Stars);
        Assert.Equal(0, await EventsAsync(store));

        // At the release: 1,000 withdrawable. The check run three times, two of them at once, tells once.
        await AdvanceToAsync(lastRelease);
        var told = await Task.WhenAll(CheckAsync(store), CheckAsync(store));
        Assert.Equal(1, told.Sum() + await CheckAsync(store));
        Assert.Equal(1, await EventsAsync(store));
        var data = JsonDocument.Parse(
            await store.WithDbAsync(db => db.OutboxEvents.Where(e => e.Type == BalanceWithdrawable.TypeName).Select(e => e.Data).SingleAsync()));
        Assert.Equal(1000, data.RootElement.GetProperty("withdrawable_stars").GetInt64());
        Assert.Equal(1000, data.RootElement.GetProperty("minimum_stars").GetInt64());
        Assert.Equal(store.BotId, data.RootElement.GetProperty("bot_id").GetGuid());

        var botUsername = (await app.Telegram.BotAsync(store.TelegramBotId)).GetProperty("username").GetString()!;
        var expected = BotTexts.English.BalanceWithdrawable(botUsername, 1000, 0, 1000);
        await olga.WaitForAsync(m => SandboxClient.Text(m) == expected);
        await SettleAsync(store);
        Assert.Single(await olga.MessagesAsync(), m => SandboxClient.Text(m) == expected);

        // The dashboard says so, linking to the Balance page (signed in again: three weeks ended the first session).
        using var later = await OwnerPortal.SignInAsync(store);
        var (_, dashboard) = await later.Portal.GetAsync($"/stores/{owner.Slug}");
        var notice = dashboard.QuerySelector($"[data-withdrawable-bot='{store.BotId}'] a")!;
        Assert.Equal($"1,000 Stars are ready to withdraw from @{botUsername}", notice.TextContent.Trim());
        Assert.Equal($"/stores/{owner.Slug}/balance", notice.GetAttribute("href"));

        // A withdrawal of 900 (as reconciliation records it): 100 left, below the minimum — reset, not told.
        await InsertAsync(store, (entries, now) => entries.FromTelegram(store.BotId, StarLedgerKind.Withdrawal, -LedgerAmount.FromStars(900), now,
            LedgerKeys.Withdrawal("fragment-1"), "fragment-1", "fragment"));
        Assert.Equal(0, await CheckAsync(store));
        Assert.False((await NoticeAsync(store)).AboveMinimum);
        (_, dashboard) = await later.Portal.GetAsync($"/stores/{owner.Slug}");
        Assert.Null(dashboard.QuerySelector("[data-withdrawable-bot]"));

        // A new sale of 950 released 21 days later: 1,050 withdrawable, told again (event and message).
        var secondSale = await InsertAsync(store, (entries, now) => entries.SaleCredit(store.BotId, "test-charge-950", 950, null, false, now));
        await AdvanceToAsync(secondSale.ReleasesAt.AddSeconds(-1));
        Assert.Equal(0, await CheckAsync(store));
        await AdvanceToAsync(secondSale.ReleasesAt);
        Assert.Equal(1, await CheckAsync(store));
        Assert.Equal(0, await CheckAsync(store));
        Assert.Equal(2, await EventsAsync(store));
        var again = BotTexts.English.BalanceWithdrawable(botUsername, 1050, 0, 1000);
        await olga.WaitForAsync(m => SandboxClient.Text(m) == again);
        await SettleAsync(store);
        Assert.Single(await olga.MessagesAsync(), m => SandboxClient.Text(m) == again);
        Assert.NotNull((await NoticeAsync(store)).NotifiedAt);
    }

    [Fact]
    public async Task The_fan_out_keeps_where_its_window_ended_in_job_storage_and_the_next_one_starts_there()
    {
        var fanOut = app.Services.GetRequiredService<WithdrawableCheckJob>();
        await fanOut.FanOutAsync(CancellationToken.None);
        var first = Cursor();
        Assert.NotNull(first);
        Assert.InRange(app.Clock.GetUtcNow() - first!.Value, TimeSpan.Zero, TimeSpan.FromMinutes(1));

        await app.Telegram.PostAsync("sandbox/v1/clock/advance", new { seconds = 600 });
        await fanOut.FanOutAsync(CancellationToken.None);
        Assert.InRange(Cursor()!.Value - first.Value, TimeSpan.FromSeconds(600), TimeSpan.FromMinutes(11));
    }

    private DateTimeOffset? Cursor()
    {
        using var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var value = connection.GetAllEntriesFromHash(WithdrawableCheckJob.RecurringJobId)?.GetValueOrDefault("until");
        return value is null ? null : DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<int> CheckAsync(TestStore store) =>
        app.Services.GetRequiredService<WithdrawableCheckJob>().CheckTenantAsync(store.Tenant.Id, CancellationToken.None);

    private static Task<BotBalance> BalanceAsync(TestStore store) =>
        store.WithScopeAsync(async sp => (await sp.GetRequiredService<BalanceReader>().ForBotAsync(store.BotId, CancellationToken.None))!);

    private static Task<int> EventsAsync(TestStore store) => store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == BalanceWithdrawable.TypeName));

    private static Task<WithdrawableNotice> NoticeAsync(TestStore store) => store.WithDbAsync(db => db.WithdrawableNotices.AsNoTracking().SingleAsync());

    private Task<StarLedgerEntry> InsertAsync(TestStore store, Func<LedgerEntries, DateTimeOffset, StarLedgerEntry> build) =>
        store.WithScopeAsync(async sp =>
        {
            var entry = build(sp.GetRequiredService<LedgerEntries>(), app.Clock.GetUtcNow());
            Assert.True(await LedgerEntries.InsertOnceAsync(sp.GetRequiredService<PlatformDbContext>(), entry, store.Tenant.Id, CancellationToken.None));
            return entry;
        });

    private async Task AdvanceToAsync(DateTimeOffset at)
    {
        var by = at - app.Clock.GetUtcNow();
        if (by > TimeSpan.Zero)
        {
            await app.Telegram.PostAsync("sandbox/v1/clock/advance", new { seconds = (long)Math.Ceiling(by.TotalSeconds) });
        }
    }

    /// <summary>Waits until the owner's message job has claimed the crossing, then a moment for any second (wrong) message to land.</summary>
    private static async Task SettleAsync(TestStore store)
    {
        await OwnerPortal.WaitAsync(async () => (await NoticeAsync(store)).NotifiedAt is not null, "the owner's message was never claimed");
        await Task.Delay(TimeSpan.FromSeconds(2));
    }
}
