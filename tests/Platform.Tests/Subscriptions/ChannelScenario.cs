using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Conversation;
using Platform.Core.Inbox;
using Platform.Core.Orders;
using Platform.Core.Subscriptions;
using Platform.Tests.Bots;

namespace Platform.Tests.Subscriptions;

/// <summary>
/// A store whose bot administers one sandbox channel, a plan granting that channel (rows written straight to the
/// database: the buying path is another part), and helpers to make members, grant, revoke and wait for the tracker.
/// </summary>
public sealed class ChannelScenario
{
    public required TestStore Store { get; init; }
    public required long ChannelId { get; init; }
    public required Guid PlanId { get; init; }
    public required string ChannelTitle { get; init; }

    private SandboxClient Telegram => Store.App.Telegram;

    public static async Task<ChannelScenario> CreateAsync(SubscriptionAppFactory app, string name, ChannelAccessMode mode = ChannelAccessMode.PersonalLink)
    {
        var store = await TestStore.CreateAsync(app, name);
        var title = $"{name} Club";
        var channel = await app.Telegram.PostAsync("sandbox/v1/channels",
            new { title, username = name.ToLowerInvariant() + "_club", bot_id = store.TelegramBotId });
        var channelId = channel.GetProperty("id").GetInt64();
        var planId = await store.AddTextProductAsync($"{name} monthly", 50, "members only", p => p.Kind = ProductKind.Subscription);
        await store.WithDbAsync(async db =>
        {
            db.SubscriptionPlans.Add(new SubscriptionPlan { ProductId = planId, ChannelAccess = mode, UpdatedAt = DateTimeOffset.UtcNow });
            db.PlanGrants.Add(new PlanGrant { Id = Guid.NewGuid(), PlanId = planId, Kind = PlanGrantKind.Chat, TelegramChatId = channelId, ChatTitle = title });
            return await db.SaveChangesAsync();
        });
        return new ChannelScenario { Store = store, ChannelId = channelId, PlanId = planId, ChannelTitle = title };
    }

    /// <summary>A sandbox user who started the bot and holds an active membership of the plan; returns (user id, subscription id).</summary>
    public async Task<(SandboxBuyer Buyer, Guid SubscriptionId)> AddMemberAsync(string name)
    {
        var buyer = await SandboxBuyer.CreateAsync(Telegram, Store.TelegramBotId, name);
        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(_ => true);
        var now = DateTimeOffset.UtcNow;
        var subscriptionId = await Store.WithDbAsync(async db =>
        {
            var customer = new Customer
            {
                Id = Guid.NewGuid(),
                TelegramUserId = buyer.UserId,
                FirstName = name,
                LanguageCode = "en",
                CreatedAt = now,
                LastSeenAt = now,
            };
            db.Customers.Add(customer);
            var subscription = new Subscription
            {
                Id = Guid.NewGuid(),
                PlanId = PlanId,
                CustomerId = customer.Id,
                BotId = Store.BotId,
                TelegramUserId = buyer.UserId,
                Status = SubscriptionStatus.Active,
                Source = SubscriptionSource.Stars,
                PriceStars = 50,
                PeriodEnd = now.AddDays(30),
                CreatedAt = now,
                UpdatedAt = now,
            };
            MembershipSchedule.Apply(subscription, null);
            db.Subscriptions.Add(subscription);
            await db.SaveChangesAsync();
            return subscription.Id;
        });
        return (buyer, subscriptionId);
    }

    public Task GrantAsync(Guid subscriptionId) =>
        Store.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ChannelAccess>().GrantAsync(subscriptionId, "system", "paid", CancellationToken.None);
            return true;
        });

    public Task RevokeAsync(Guid subscriptionId, string reason) =>
        Store.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ChannelAccess>().RevokeAsync(subscriptionId, "system", reason, CancellationToken.None);
            return true;
        });

    /// <summary>The URL of the newest "Join …" button the member got.</summary>
    public static async Task<string> JoinLinkAsync(SandboxBuyer buyer, int atLeast = 1)
    {
        await buyer.WaitForCountAsync(IsJoinMessage, atLeast);
        var message = (await buyer.MessagesAsync()).Last(m => m.GetProperty("from_bot").GetBoolean() && IsJoinMessage(m));
        return message.GetProperty("buttons")[0][0].GetProperty("url").GetString()!;
    }

    public static bool IsJoinMessage(JsonElement message) =>
        SandboxClient.Has(message, "buttons") && message.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .Any(b => b.GetProperty("text").GetString()?.StartsWith("Join ", StringComparison.Ordinal) == true);

    public async Task<string> JoinAsync(long userId, string link) =>
        (await Telegram.PostAsync($"sandbox/v1/users/{userId}/joins", new { invite_link = link })).GetProperty("outcome").GetString()!;

    public async Task<List<long>> MembersAsync() =>
        [.. (await Telegram.GetAsync($"sandbox/v1/channels/{ChannelId}/members")).GetProperty("members").EnumerateArray()
            .Where(m => !m.GetProperty("is_bot").GetBoolean()).Select(m => m.GetProperty("user_id").GetInt64())];

    public Task<ChatMembership?> MembershipAsync(long userId) =>
        Store.WithDbAsync(db => db.ChatMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.TelegramChatId == ChannelId && m.TelegramUserId == userId));

    public Task<int> EventsAsync(string type) => Store.WithDbAsync(db => db.OutboxEvents.CountAsync(e => e.Type == type));

    public Task<List<string>> EventDataAsync(string type) =>
        Store.WithDbAsync(db => db.OutboxEvents.Where(e => e.Type == type).OrderBy(e => e.CreatedAt).Select(e => e.Data).ToListAsync());

    /// <summary>Polls (bounded) until the condition holds: the tracker works from updates the inbox processes a moment later.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until every stored update of the store was processed (so "nothing more happened" can be asserted).</summary>
    public Task SettledAsync() =>
        WaitUntilAsync(() => Store.WithDbAsync(async db => !await db.InboxUpdates.AnyAsync(u => u.ProcessedAt == null)), "the inbox is empty");

    /// <summary>Handles every stored channel update of the store once more, as a re-delivery or a re-run job would.</summary>
    public async Task ReplayChannelUpdatesAsync()
    {
        var payloads = await Store.WithDbAsync(db => db.InboxUpdates.Where(u => u.ChatId == ChannelId).OrderBy(u => u.UpdateId).Select(u => u.Payload)
            .ToListAsync());
        Assert.NotEmpty(payloads);
        foreach (var payload in payloads)
        {
            await Store.WithScopeAsync(async sp =>
            {
                await sp.GetRequiredService<BotUpdateHandler>().HandleAsync(Store.Tenant, Store.BotId, UpdateReader.Read(payload), CancellationToken.None);
                return true;
            });
        }
    }
}
