using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Subscriptions;
using Platform.Tests.Bots;

namespace Platform.Tests.Subscriptions;

/// <summary>The recurring sweep: one reminder per period however often it runs, and expiry of exactly the memberships whose access ended.</summary>
[Collection(BotTests.Collection)]
public sealed class SubscriptionSweepTests(SweepAppFactory app) : IClassFixture<SweepAppFactory>
{
    private static bool IsReminder(JsonElement m) =>
        m.GetProperty("from_bot").GetBoolean() && SandboxClient.Text(m)?.Contains("membership renews on", StringComparison.Ordinal) == true;

    [Fact]
    public async Task Two_sweeps_at_once_send_one_reminder_and_expire_each_ended_membership_once_with_its_reason()
    {
        var (store, buyer, customerId) = await StoreWithBuyerAsync("Sweeps");
        var club = await Memberships.AddPlanAsync(store, "Club", 250);
        var feed = await Memberships.AddPlanAsync(store, "Feed", 100);
        var lounge = await Memberships.AddPlanAsync(store, "Lounge", 50);
        var later = await Memberships.AddPlanAsync(store, "Later", 75);
        var now = app.Clock.GetUtcNow();
        // Renews in two days (reminder due since yesterday); lapsed past its grace; cancelled and past its end; not due.
        var reminded = await Memberships.AddAsync(store, club, customerId, buyer.UserId, SubscriptionStatus.Active, now.AddDays(2));
        var lapsed = await Memberships.AddAsync(store, feed, customerId, buyer.UserId, SubscriptionStatus.Active, now.AddDays(-2));
        var canceled = await Memberships.AddAsync(store, lounge, customerId, buyer.UserId, SubscriptionStatus.Canceled, now.AddMinutes(-5));
        var notDue = await Memberships.AddAsync(store, later, customerId, buyer.UserId, SubscriptionStatus.Active, now.AddDays(20));
        Assert.True(reminded.RemindAt < now && lapsed.AccessEndsAt < now && canceled.AccessEndsAt < now && notDue.RemindAt > now);

        await Task.WhenAll(SweepAsync(), SweepAsync());

        // The runs sweep every tenant (other tests' stores too), so this store's chat and rows are what count.
        var reminder = Assert.Single(await buyer.MessagesAsync(), IsReminder);
        Assert.Equal($"Your “Club” membership renews on {reminded.PeriodEnd.UtcDateTime:yyyy-MM-dd}. Make sure you have 250 ⭐ in your Telegram " +
            "balance so your access continues.", SandboxClient.Text(reminder));
        var log = app.Services.GetRequiredService<ExpiryLog>();
        Assert.Equal(["not_renewed"], log.ReasonsFor(lapsed.Id));
        Assert.Equal(["canceled"], log.ReasonsFor(canceled.Id));
        Assert.Empty(log.ReasonsFor(reminded.Id));
        Assert.Empty(log.ReasonsFor(notDue.Id));

        var rows = await store.WithDbAsync(db => db.Subscriptions.AsNoTracking().ToDictionaryAsync(s => s.Id));
        Assert.Null(rows[reminded.Id].RemindAt);
        Assert.Null(rows[lapsed.Id].RemindAt); // its period ended: no "renews on" a past date
        Assert.Equal(reminded.PeriodEnd, rows[reminded.Id].RemindedForPeriodEnd);
        Assert.Equal(SubscriptionStatus.Active, rows[reminded.Id].Status);
        Assert.Equal(notDue.RemindAt, rows[notDue.Id].RemindAt);

        // A third run finds nothing of this store left to do.
        await SweepAsync();
        Assert.Single(await buyer.MessagesAsync(), IsReminder);
        Assert.Single(log.ReasonsFor(lapsed.Id));
    }

    [Fact]
    public async Task A_member_who_never_started_the_bot_is_not_reminded_again_and_again()
    {
        var store = await TestStore.CreateAsync(app, "Silent");
        var userId = await app.Telegram.CreateUserAsync("Quiet", 500);
        var customerId = await Memberships.CustomerAsync(store, userId);
        var plan = await Memberships.AddPlanAsync(store, "Club", 250);
        var membership = await Memberships.AddAsync(store, plan, customerId, userId, SubscriptionStatus.Active, app.Clock.GetUtcNow().AddDays(1));

        // Telegram answers 403 (the bot cannot start a conversation): the claim stays, so the next run leaves it alone.
        await SweepAsync();
        await SweepAsync();

        var row = await store.WithDbAsync(db => db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == membership.Id));
        Assert.Null(row.RemindAt);
        Assert.Equal(membership.PeriodEnd, row.RemindedForPeriodEnd);
    }

    [Fact]
    public async Task A_renewed_period_gets_its_own_reminder_once_the_clock_reaches_it()
    {
        var (store, buyer, customerId) = await StoreWithBuyerAsync("Renewals");
        var plan = await Memberships.AddPlanAsync(store, "Club", 250);
        var membership = await Memberships.AddAsync(store, plan, customerId, buyer.UserId, SubscriptionStatus.Active, app.Clock.GetUtcNow().AddDays(1));
        await SweepAsync();
        Assert.Single(await buyer.MessagesAsync(), IsReminder);

        // The renewal (as the payment path records it): the next period, its dates from the schedule.
        await store.WithDbAsync(async db =>
        {
            var row = await db.Subscriptions.SingleAsync(s => s.Id == membership.Id);
            row.PeriodEnd += MembershipSchedule.Period;
            MembershipSchedule.Apply(row, await db.StoreSettings.AsNoTracking().FirstOrDefaultAsync());
            return await db.SaveChangesAsync();
        });
        await SweepAsync();
        Assert.Single(await buyer.MessagesAsync(), IsReminder);

        await app.Telegram.PostAsync("sandbox/v1/clock/advance", new { seconds = (long)TimeSpan.FromDays(28).TotalSeconds });
        await SweepAsync();
        Assert.Equal(2, (await buyer.MessagesAsync()).Count(IsReminder));
    }

    private async Task<SweepCounts> SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubscriptionSweep>().RunNowAsync(CancellationToken.None);
    }

    private async Task<(TestStore Store, SandboxBuyer Buyer, Guid CustomerId)> StoreWithBuyerAsync(string name)
    {
        var store = await TestStore.CreateAsync(app, name);
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Mia");
        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(m => m.GetProperty("from_bot").GetBoolean());
        return (store, buyer, await Memberships.CustomerAsync(store, buyer.UserId));
    }
}
