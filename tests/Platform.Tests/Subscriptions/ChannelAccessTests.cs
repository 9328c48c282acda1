using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Subscriptions;
using Platform.Tests.Bots;

namespace Platform.Tests.Subscriptions;

/// <summary>
/// Channel access against the sandbox: personal links admit their owner only, a leaked link admits nobody, join
/// requests are approved for members only, and a revocation removes without a permanent ban — each step once.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class ChannelAccessTests(SubscriptionAppFactory app) : IClassFixture<SubscriptionAppFactory>
{
    [Fact]
    public async Task A_member_joins_through_their_personal_link_and_a_second_user_with_the_same_link_is_refused()
    {
        var scenario = await ChannelScenario.CreateAsync(app, "Alpha");
        var (ann, subscription) = await scenario.AddMemberAsync("Ann");
        await scenario.GrantAsync(subscription);
        var link = await ChannelScenario.JoinLinkAsync(ann);

        Assert.Equal("joined", await scenario.JoinAsync(ann.UserId, link));
        await ChannelScenario.WaitUntilAsync(async () => (await scenario.MembershipAsync(ann.UserId))?.Status == ChatMembershipStatus.Joined,
            "the join is confirmed");
        var bob = await app.Telegram.CreateUserAsync("Bob", 100);
        Assert.NotEqual("joined", await scenario.JoinAsync(bob, link));

        await scenario.SettledAsync();
        Assert.Equal([ann.UserId], await scenario.MembersAsync());
        Assert.Equal(1, await scenario.EventsAsync("member.joined"));
        var channels = await app.Telegram.GetAsync("sandbox/v1/channels");
        var used = channels.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == scenario.ChannelId).GetProperty("invite_links").EnumerateArray()
            .Single(l => l.GetProperty("link").GetString() == link);
        Assert.True(used.GetProperty("is_revoked").GetBoolean());
        Assert.Null((await scenario.MembershipAsync(ann.UserId))!.InviteLink);

        // Granting again to a member who is in sends nothing and makes no link.
        var before = (await ann.MessagesAsync()).Count;
        await scenario.GrantAsync(subscription);
        Assert.Equal(before, (await ann.MessagesAsync()).Count);
    }

    [Fact]
    public async Task An_unused_personal_link_is_re_sent_not_recreated()
    {
        var scenario = await ChannelScenario.CreateAsync(app, "Beta");
        var (cat, subscription) = await scenario.AddMemberAsync("Cat");
        await scenario.GrantAsync(subscription);
        var first = await ChannelScenario.JoinLinkAsync(cat);
        await scenario.GrantAsync(subscription);
        Assert.Equal(first, await ChannelScenario.JoinLinkAsync(cat, atLeast: 2));
        Assert.Equal(1, await scenario.Store.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Action == "invited")));
    }

    [Fact]
    public async Task Two_grants_at_once_leave_one_invitation_whose_link_admits_the_member()
    {
        var scenario = await ChannelScenario.CreateAsync(app, "Iota");
        var (kim, subscription) = await scenario.AddMemberAsync("Kim");
        await Task.WhenAll(scenario.GrantAsync(subscription), scenario.GrantAsync(subscription));

        var row = await scenario.MembershipAsync(kim.UserId);
        Assert.Equal(1, await scenario.Store.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Action == "invited")));
        Assert.Equal(row!.InviteLink, await ChannelScenario.JoinLinkAsync(kim, atLeast: 2));
        Assert.Equal("joined", await scenario.JoinAsync(kim.UserId, row.InviteLink!));
        await ChannelScenario.WaitUntilAsync(async () => await scenario.EventsAsync("member.joined") == 1, "the join is confirmed");
    }

    [Fact]
    public async Task A_leaked_link_used_first_by_a_stranger_removes_the_stranger_and_the_owner_gets_a_fresh_link()
    {
        var scenario = await ChannelScenario.CreateAsync(app, "Gamma");
        var (dan, subscription) = await scenario.AddMemberAsync("Dan");
        await scenario.GrantAsync(subscription);
        var leaked = await ChannelScenario.JoinLinkAsync(dan);
        var stranger = await app.Telegram.CreateUserAsync("Eve", 100);

        Assert.Equal("joined", await scenario.JoinAsync(stranger, leaked));
        await ChannelScenario.WaitUntilAsync(async () => await scenario.EventsAsync("member.removed") == 1, "the stranger is removed");
        await scenario.SettledAsync();
        Assert.DoesNotContain(stranger, await scenario.MembersAsync());
        Assert.Contains("\"foreign_link\"", (await scenario.EventDataAsync("member.removed")).Single(), StringComparison.Ordinal);
        var log = await scenario.Store.WithDbAsync(db => db.AccessLog.SingleAsync(e => e.Action == "removed"));
        Assert.Equal(stranger, log.TelegramUserId);
        Assert.Contains(dan.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), log.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await scenario.EventsAsync("member.joined"));

        // The owner's spent link no longer works; the next grant makes a fresh one that admits them.
        Assert.Equal("revoked", await scenario.JoinAsync(dan.UserId, leaked));
        await scenario.GrantAsync(subscription);
        var fresh = await ChannelScenario.JoinLinkAsync(dan, atLeast: 2);
        Assert.NotEqual(leaked, fresh);
        Assert.Equal("joined", await scenario.JoinAsync(dan.UserId, fresh));
        await ChannelScenario.WaitUntilAsync(async () => await scenario.EventsAsync("member.joined") == 1, "the owner's join is confirmed");
        Assert.Equal(1, await scenario.EventsAsync("member.removed"));

        // Every update delivered again changes nothing: no second removal, join, event or log row.
        await scenario.SettledAsync();
        var logRows = await scenario.Store.WithDbAsync(db => db.AccessLog.CountAsync());
        await scenario.ReplayChannelUpdatesAsync();
        Assert.Equal((1, 1, logRows), (await scenario.EventsAsync("member.removed"), await scenario.EventsAsync("member.joined"),
            await scenario.Store.WithDbAsync(db => db.AccessLog.CountAsync())));
        Assert.Contains(dan.UserId, await scenario.MembersAsync());
    }

    [Fact]
    public async Task A_revocation_removes_the_member_once_without_a_permanent_ban()
    {
        var scenario = await ChannelScenario.CreateAsync(app, "Delta");
        var (fay, subscription) = await scenario.AddMemberAsync("Fay");
        await scenario.GrantAsync(subscription);
        Assert.Equal("joined", await scenario.JoinAsync(fay.UserId, await ChannelScenario.JoinLinkAsync(fay)));
        await ChannelScenario.WaitUntilAsync(async () => (await scenario.MembershipAsync(fay.UserId))?.Status == ChatMembershipStatus.Joined,
            "the join is confirmed");

        await scenario.RevokeAsync(subscription, ChannelAccess.ReasonExpired);
        await scenario.RevokeAsync(subscription, ChannelAccess.ReasonExpired);
        await scenario.SettledAsync();

        Assert.Empty(await scenario.MembersAsync());
        Assert.Equal(ChatMembershipStatus.Removed, (await scenario.MembershipAsync(fay.UserId))!.Status);
        Assert.Contains("\"expired\"", (await scenario.EventDataAsync("member.removed")).Single(), StringComparison.Ordinal);
        Assert.Equal(1, await scenario.Store.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Action == "removed")));

        // Not banned: with a new link (access restored) they come back.
        await scenario.GrantAsync(subscription);
        Assert.Equal("joined", await scenario.JoinAsync(fay.UserId, await ChannelScenario.JoinLinkAsync(fay, atLeast: 2)));
        await ChannelScenario.WaitUntilAsync(async () => await scenario.EventsAsync("member.joined") == 2, "the second join is confirmed");
    }

    [Fact]
    public async Task In_join_request_mode_the_bot_approves_the_member_and_declines_a_stranger()
    {
        var scenario = await ChannelScenario.CreateAsync(app, "Epsilon", ChannelAccessMode.JoinRequest);
        var (gus, subscription) = await scenario.AddMemberAsync("Gus");
        await scenario.GrantAsync(subscription);
        var shared = await ChannelScenario.JoinLinkAsync(gus);
        Assert.Equal(shared, await scenario.Store.WithDbAsync(db => db.PlanGrants.Select(g => g.SharedInviteLink).SingleAsync()));

        Assert.Equal("request_sent", await scenario.JoinAsync(gus.UserId, shared));
        await ChannelScenario.WaitUntilAsync(async () => (await scenario.MembershipAsync(gus.UserId))?.Status == ChatMembershipStatus.Joined,
            "the approved join is confirmed");
        var stranger = await app.Telegram.CreateUserAsync("Hal", 100);
        Assert.Equal("request_sent", await scenario.JoinAsync(stranger, shared));
        await ChannelScenario.WaitUntilAsync(() => scenario.Store.WithDbAsync(db => db.AccessLog.AnyAsync(e => e.Action == "refused")),
            "the stranger is refused");
        await scenario.SettledAsync();

        Assert.Equal([gus.UserId], await scenario.MembersAsync());
        Assert.Equal(1, await scenario.EventsAsync("member.joined"));
        Assert.Equal(stranger, (await scenario.Store.WithDbAsync(db => db.AccessLog.SingleAsync(e => e.Action == "refused"))).TelegramUserId);

        // The join request and the join delivered again: answered once, confirmed once.
        await scenario.ReplayChannelUpdatesAsync();
        Assert.Equal(1, await scenario.EventsAsync("member.joined"));
        Assert.Equal(1, await scenario.Store.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Action == "refused")));
        Assert.Equal(1, await scenario.Store.WithDbAsync(db => db.AccessLog.CountAsync(e => e.Action == "approved")));
    }

    [Fact]
    public async Task A_join_through_the_telegram_subscription_link_starts_a_channel_link_membership_and_its_lapse_ends_it()
    {
        var scenario = await ChannelScenario.CreateAsync(app, "Theta", ChannelAccessMode.TelegramSubscriptionLink);
        var (ivy, subscription) = await scenario.AddMemberAsync("Ivy");
        await scenario.GrantAsync(subscription);
        var paidLink = await ChannelScenario.JoinLinkAsync(ivy);

        // Someone new pays at the door: Telegram charges them, the store learns of a new member.
        var jon = await app.Telegram.CreateUserAsync("Jon", 110);
        Assert.Equal("joined", await scenario.JoinAsync(jon, paidLink));
        await ChannelScenario.WaitUntilAsync(async () => (await scenario.MembershipAsync(jon))?.Status == ChatMembershipStatus.Joined,
            "the paid join is tracked");
        var membership = await scenario.Store.WithDbAsync(db => db.Subscriptions.AsNoTracking().SingleAsync(s => s.TelegramUserId == jon));
        Assert.Equal((SubscriptionSource.ChannelLink, SubscriptionStatus.Active, 50), (membership.Source, membership.Status, membership.PriceStars));
        Assert.Equal(1, await scenario.EventsAsync("subscription.started"));
        Assert.Equal(1, await scenario.EventsAsync("member.joined"));

        // Telegram renews the second month without an update: asked before expiring, it moves the period end.
        await app.Telegram.PostAsync("sandbox/v1/clock/advance", new { seconds = 2592000 + 60 });
        Assert.True(await scenario.Store.WithScopeAsync(sp =>
            sp.GetRequiredService<ChannelLinkMembers>().RefreshPeriodAsync(membership.Id, CancellationToken.None)));
        var renewed = await scenario.Store.WithDbAsync(db => db.Subscriptions.AsNoTracking().SingleAsync(s => s.Id == membership.Id));
        Assert.Equal(membership.PeriodEnd + MembershipSchedule.Period, renewed.PeriodEnd);
        Assert.Contains(jon, await scenario.MembersAsync());

        // Jon cannot pay the third month: Telegram removes him at the period end, and the membership expires.
        await app.Telegram.PostAsync("sandbox/v1/clock/advance", new { seconds = 2592000 });
        await ChannelScenario.WaitUntilAsync(async () => await scenario.EventsAsync("subscription.expired") == 1, "the lapse ends the membership");
        Assert.Equal(ChatMembershipStatus.Left, (await scenario.MembershipAsync(jon))!.Status);
        Assert.DoesNotContain(jon, await scenario.MembersAsync());
    }

    [Fact]
    public async Task A_plan_sold_through_the_telegram_channel_subscription_link_offers_that_link_instead_of_an_invoice()
    {
        var scenario = await ChannelScenario.CreateAsync(app, "Kappa", ChannelAccessMode.TelegramSubscriptionLink);
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, scenario.Store.TelegramBotId, "Kim", stars: 200);
        await buyer.SendAsync($"/start p_{scenario.PlanId}");
        var card = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, $"b:{scenario.PlanId:N}"));
        await buyer.PressAsync(card, $"b:{scenario.PlanId:N}");

        // No bot invoice (that would charge twice): the channel's own paid link, which Telegram charges at the door.
        var link = await ChannelScenario.JoinLinkAsync(buyer);
        Assert.DoesNotContain(await buyer.MessagesAsync(), m => SandboxClient.Has(m, "buttons") && m.GetProperty("buttons").EnumerateArray()
            .SelectMany(r => r.EnumerateArray()).Any(b => b.TryGetProperty("url", out var u) && u.GetString()!.Contains("/$", StringComparison.Ordinal)));
        Assert.Equal("joined", await scenario.JoinAsync(buyer.UserId, link));
        Assert.Equal(150, await buyer.StarsAsync()); // charged once, by Telegram
        await ChannelScenario.WaitUntilAsync(() => scenario.Store.WithDbAsync(db => db.Subscriptions.AnyAsync(s => s.TelegramUserId == buyer.UserId
            && s.Source == SubscriptionSource.ChannelLink && s.Status == SubscriptionStatus.Active)), "the paid join started a membership");
        Assert.Equal(0, await scenario.Store.WithDbAsync(db => db.Orders.CountAsync()));
    }
}
