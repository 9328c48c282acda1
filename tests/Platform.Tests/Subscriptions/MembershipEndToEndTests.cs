using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Outbox;
using Platform.Core.Subscriptions;
using Platform.Core.Webhooks;
using Platform.Tests.Bots;
using Platform.Tests.Webhooks;

namespace Platform.Tests.Subscriptions;

/// <summary>
/// The "Done when", against the sandbox on one moved clock (no sleeping): a buyer subscribes and joins the
/// channel through a personal link that admits nobody else; the renewal 30 days later keeps access; out of Stars, the
/// membership lapses and after the grace the buyer is removed; a late payment restores access; a merchant-cancelled
/// membership keeps access to its period end; two sweeps at once send one reminder; and every step reaches a real
/// webhook receiver.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class MembershipEndToEndTests(SubscriptionAppFactory app) : IClassFixture<SubscriptionAppFactory>
{
    private static readonly TimeSpan Period = MembershipSchedule.Period;

    [Fact]
    public async Task A_member_joins_renews_lapses_is_removed_after_the_grace_comes_back_and_a_merchant_cancellation_lasts_to_the_period_end()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var store = await TestStore.CreateAsync(app, "Club");
        await store.WithScopeAsync(sp => sp.GetRequiredService<WebhookEndpointService>().CreateAsync(
            new WebhookEndpointInput(receiver.Url(), "subscriptions", [.. WebhookEventTypes.Subscribable]), CancellationToken.None));

        // The merchant's channel, the bot its admin; the plan grants it with personal links (50 Stars a month).
        var channel = await app.Telegram.PostAsync("sandbox/v1/channels",
            new { title = "Club Posts", username = "club_posts_e2e", bot_id = store.TelegramBotId });
        var channelId = channel.GetProperty("id").GetInt64();
        await ChannelScenario.WaitUntilAsync(() => store.WithDbAsync(db => db.ManagedChats.AnyAsync(c => c.TelegramChatId == channelId && c.BotIsAdmin)),
            "the bot saw itself made admin of the channel");
        var plan = (await store.WithScopeAsync(sp => sp.GetRequiredService<PlanService>().CreateAsync(
            new ProductInput
            {
                Kind = ProductKind.Subscription,
                Title = "Club monthly",
                Description = "Posts",
                PriceStars = 50,
                State = ProductState.Published,
            },
            new PlanInput { ChannelAccess = ChannelAccessMode.PersonalLink, GrantChats = [channelId] }, CancellationToken.None))).Value!.Id;
        var scenario = new ChannelScenario { Store = store, ChannelId = channelId, PlanId = plan, ChannelTitle = "Club Posts" };

        // 1. Subscribe by invoice link (120 Stars: the first payment and one renewal), join through the personal link.
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Mia", stars: 120);
        await BuyAsync(buyer, plan);
        var membership = await WaitForAsync(store, s => s.Status == SubscriptionStatus.Active);
        var link = await ChannelScenario.JoinLinkAsync(buyer);
        Assert.Equal("joined", await scenario.JoinAsync(buyer.UserId, link));
        await ChannelScenario.WaitUntilAsync(async () => (await scenario.MembershipAsync(buyer.UserId))?.Status == ChatMembershipStatus.Joined,
            "the join was confirmed from chat_member");

        // 2. The same link admits nobody else.
        var friend = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Leo", stars: 0);
        Assert.NotEqual("joined", await scenario.JoinAsync(friend.UserId, link));
        Assert.DoesNotContain(friend.UserId, await scenario.MembersAsync());

        // 3. Three days before the period end two sweeps at once remind the member once.
        await AdvanceToAsync(membership.PeriodEnd - TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await Task.WhenAll(SweepAsync(), SweepAsync());
        await buyer.WaitForAsync(IsReminder);
        await SweepAsync();
        Assert.Single(await buyer.MessagesAsync(), IsReminder);

        // 4. Thirty days on, Telegram renews from the buyer's Stars: still a member.
        await AdvanceToAsync(membership.PeriodEnd + TimeSpan.FromMinutes(1));
        var renewed = await WaitForAsync(store, s => s.PeriodEnd > membership.PeriodEnd);
        await SweepAsync();
        Assert.Contains(buyer.UserId, await scenario.MembersAsync());

        // 5. Out of Stars (20 left) the next renewal fails: access lasts through the grace (24 h), then the buyer is removed.
        await AdvanceToAsync(renewed.PeriodEnd + TimeSpan.FromHours(23));
        await SweepAsync();
        Assert.Contains(buyer.UserId, await scenario.MembersAsync());
        await AdvanceToAsync(renewed.PeriodEnd + TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await SweepAsync();
        Assert.Equal(SubscriptionStatus.Expired, (await WaitForAsync(store, s => s.Status == SubscriptionStatus.Expired)).Status);
        Assert.DoesNotContain(buyer.UserId, await scenario.MembersAsync());

        // 6. A late payment restores access: the same membership, a fresh personal link, in again.
        await app.Telegram.PostAsync($"sandbox/v1/users/{buyer.UserId}/stars", new { amount = 100 });
        await BuyAsync(buyer, plan);
        var back = await WaitForAsync(store, s => s.Status == SubscriptionStatus.Active);
        Assert.Equal(membership.Id, back.Id);
        var newLink = await ChannelScenario.JoinLinkAsync(buyer, atLeast: 2);
        Assert.NotEqual(link, newLink);
        Assert.Equal("joined", await scenario.JoinAsync(buyer.UserId, newLink));
        await ChannelScenario.WaitUntilAsync(async () => (await scenario.MembershipAsync(buyer.UserId))?.Status == ChatMembershipStatus.Joined,
            "the second join was confirmed");

        // 7. The merchant cancels: access lasts to the period end, then the member is removed.
        var canceled = await store.WithScopeAsync(sp =>
            sp.GetRequiredService<SubscriptionLifecycle>().CancelAsync(back.Id, "merchant", CancellationToken.None));
        Assert.True(canceled.Succeeded, canceled.Failure?.Message);
        await AdvanceToAsync(back.PeriodEnd - TimeSpan.FromMinutes(1));
        await SweepAsync();
        Assert.Contains(buyer.UserId, await scenario.MembersAsync());
        await AdvanceToAsync(back.PeriodEnd + TimeSpan.FromMinutes(1));
        await SweepAsync();
        await WaitForAsync(store, s => s.Status == SubscriptionStatus.Expired);
        Assert.DoesNotContain(buyer.UserId, await scenario.MembersAsync());

        // Every step reached the receiver, each once per change (deliveries run in parallel, so compared as counts).
        string[] expected =
        [
            EventTypes.SubscriptionStarted, EventTypes.MemberJoined, EventTypes.SubscriptionRenewed, EventTypes.SubscriptionExpired,
            EventTypes.MemberRemoved, EventTypes.SubscriptionReactivated, EventTypes.MemberJoined, EventTypes.SubscriptionCanceled,
            EventTypes.SubscriptionExpired, EventTypes.MemberRemoved,
        ];
        await ChannelScenario.WaitUntilAsync(() => Task.FromResult(Delivered(receiver).Count >= expected.Length), "every event reached the receiver");
        Assert.Equal(expected.Order(StringComparer.Ordinal), Delivered(receiver).Order(StringComparer.Ordinal));
        Assert.Equal(3, Delivered(receiver, EventTypes.OrderPaid, all: true).Count); // first payment, renewal, late payment
    }

    private static bool IsReminder(JsonElement message) =>
        SandboxClient.Text(message)?.Contains("renews on", StringComparison.Ordinal) == true && message.GetProperty("from_bot").GetBoolean();

    /// <summary>The subscription and member event types the receiver got, in order (order.* left out unless asked).</summary>
    private static List<string> Delivered(WebhookReceiver receiver, string? only = null, bool all = false) =>
        [.. receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!)
            .Where(t => only is null
                ? all || t.StartsWith("subscription.", StringComparison.Ordinal) || t.StartsWith("member.", StringComparison.Ordinal)
                : t == only)];

    private async Task BuyAsync(SandboxBuyer buyer, Guid plan)
    {
        var links = (await buyer.MessagesAsync()).Count(IsInvoiceLink);
        await buyer.SendAsync($"/start p_{plan}");
        var card = await buyer.WaitForAsync(m => SandboxClient.HasButton(m, $"b:{plan:N}") && m.GetProperty("message_id").GetInt32() > 0);
        await buyer.PressAsync(card, $"b:{plan:N}");
        await buyer.WaitForCountAsync(IsInvoiceLink, links + 1);
        var link = (await buyer.MessagesAsync()).Last(IsInvoiceLink).GetProperty("buttons")[0][0].GetProperty("url").GetString();
        var paid = await app.Telegram.PostAsync($"sandbox/v1/users/{buyer.UserId}/payments", new { invoice_link = link });
        Assert.Equal("paid", paid.GetProperty("status").GetString());
    }

    private static bool IsInvoiceLink(JsonElement message) =>
        SandboxClient.Has(message, "buttons") && message.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .Any(b => b.TryGetProperty("url", out var url) && url.GetString()?.Contains("/$", StringComparison.Ordinal) == true);

    private Task AdvanceToAsync(DateTimeOffset instant)
    {
        var by = instant - app.Clock.GetUtcNow();
        return by <= TimeSpan.Zero
            ? Task.CompletedTask
            : app.Telegram.PostAsync("sandbox/v1/clock/advance", new { seconds = (long)Math.Ceiling(by.TotalSeconds) });
    }

    private async Task SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SubscriptionSweep>().RunNowAsync(CancellationToken.None);
    }

    private static async Task<Subscription> WaitForAsync(TestStore store, Func<Subscription, bool> match)
    {
        Subscription? found = null;
        await ChannelScenario.WaitUntilAsync(async () =>
        {
            found = (await store.WithDbAsync(db => db.Subscriptions.AsNoTracking().ToListAsync())).FirstOrDefault(match);
            return found is not null;
        }, "the membership reached the expected state");
        return found!;
    }
}
