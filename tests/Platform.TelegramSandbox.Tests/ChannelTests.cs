using System.Text.Json;
using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Platform.TelegramSandbox.Tests;

public sealed class ChannelTests
{
    private static readonly UpdateType[] MemberUpdates = [UpdateType.ChatMember, UpdateType.MyChatMember, UpdateType.Message, UpdateType.ChatJoinRequest];

    [Fact]
    public async Task Bot_made_admin_of_a_new_channel_gets_my_chat_member()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var channelId = await CreateChannelAsync(sandbox, bot);

        var update = (await bot.ReceiveAsync()).Single().MyChatMember!;
        Assert.Equal(channelId, update.Chat.Id);
        Assert.Equal(ChatMemberStatus.Administrator, update.NewChatMember.Status);
        var chat = await bot.Client.GetChat(channelId);
        Assert.Equal((ChatType.Channel, "Premium posts"), (chat.Type, chat.Title));
        Assert.Equal(ChatMemberStatus.Administrator, (await bot.Client.GetChatMember(channelId, bot.Id)).Status);
        var post = await bot.Client.SendMessage(channelId, "New post");
        Assert.Null(post.From);
        Assert.Equal(channelId, post.SenderChat!.Id);
        Assert.Equal("New post (edited)", (await bot.Client.EditMessageText(channelId, post.Id, "New post (edited)")).Text);
    }

    [Fact]
    public async Task Invite_link_respects_member_limit_expiry_and_revocation()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        await bot.Client.GetUpdates(allowedUpdates: MemberUpdates);
        var channelId = await CreateChannelAsync(sandbox, bot);
        var users = new List<long>();
        for (var i = 0; i < 4; i++) users.Add(await sandbox.CreateUserAsync($"U{i}"));

        var limited = await bot.Client.CreateChatInviteLink(channelId, name: "two seats", memberLimit: 2);
        var expiring = await bot.Client.CreateChatInviteLink(channelId, expireDate: TestSandbox.Epoch.AddHours(1).UtcDateTime);
        Assert.Equal("two seats", limited.Name);
        Assert.Equal(2, limited.MemberLimit);
        Assert.Equal("joined", await JoinAsync(sandbox, users[0], limited.InviteLink));
        Assert.Equal("joined", await JoinAsync(sandbox, users[1], limited.InviteLink));
        Assert.Equal("limit_reached", await JoinAsync(sandbox, users[2], limited.InviteLink));
        await sandbox.AdvanceAsync(3600);
        Assert.Equal("expired", await JoinAsync(sandbox, users[2], expiring.InviteLink));
        var revoked = await bot.Client.RevokeChatInviteLink(channelId, (await bot.Client.CreateChatInviteLink(channelId)).InviteLink);
        Assert.True(revoked.IsRevoked);
        Assert.Equal("revoked", await JoinAsync(sandbox, users[3], revoked.InviteLink));

        var joins = (await bot.ReceiveAsync(3)).Where(u => u.ChatMember is not null).Select(u => u.ChatMember!).ToList();
        Assert.Equal(2, joins.Count);
        Assert.All(joins, j => Assert.Equal((ChatMemberStatus.Left, ChatMemberStatus.Member), (j.OldChatMember.Status, j.NewChatMember.Status)));
        Assert.Equal(limited.InviteLink, joins[0].InviteLink!.InviteLink);
        var members = (await sandbox.GetAsync($"sandbox/v1/channels/{channelId}/members")).GetProperty("members");
        Assert.Equal([bot.Id, users[0], users[1]], members.EnumerateArray().Select(m => m.GetProperty("user_id").GetInt64()));
    }

    [Fact]
    public async Task Ban_and_unban_change_membership_and_notify_the_bot()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        await bot.Client.GetUpdates(allowedUpdates: MemberUpdates);
        var channelId = await CreateChannelAsync(sandbox, bot);
        var ann = await sandbox.CreateUserAsync();
        var link = await bot.Client.CreateChatInviteLink(channelId);
        await JoinAsync(sandbox, ann, link.InviteLink);

        await bot.Client.BanChatMember(channelId, ann);
        Assert.Equal(ChatMemberStatus.Kicked, (await bot.Client.GetChatMember(channelId, ann)).Status);
        Assert.Equal("banned", await JoinAsync(sandbox, ann, link.InviteLink));
        await bot.Client.UnbanChatMember(channelId, ann, onlyIfBanned: true);
        Assert.Equal(ChatMemberStatus.Left, (await bot.Client.GetChatMember(channelId, ann)).Status);
        Assert.Equal("joined", await JoinAsync(sandbox, ann, link.InviteLink));

        var statuses = (await bot.ReceiveAsync(5)).Where(u => u.ChatMember is not null).Select(u => u.ChatMember!.NewChatMember.Status).ToList();
        Assert.Equal([ChatMemberStatus.Member, ChatMemberStatus.Kicked, ChatMemberStatus.Left, ChatMemberStatus.Member], statuses);
    }

    [Fact]
    public async Task Temporary_ban_ends_on_the_sandbox_clock()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var channelId = await CreateChannelAsync(sandbox, bot);
        var ann = await sandbox.CreateUserAsync();
        var link = await bot.Client.CreateChatInviteLink(channelId);
        await JoinAsync(sandbox, ann, link.InviteLink);

        await bot.Client.BanChatMember(channelId, ann, untilDate: TestSandbox.Epoch.AddDays(1).UtcDateTime);
        Assert.Equal("banned", await JoinAsync(sandbox, ann, link.InviteLink));
        await sandbox.AdvanceAsync(24 * 3600);

        Assert.Equal("joined", await JoinAsync(sandbox, ann, link.InviteLink));
    }

    [Fact]
    public async Task Channel_subscription_link_adds_the_buyer_and_removes_them_when_the_subscription_lapses()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        await bot.Client.GetUpdates(allowedUpdates: MemberUpdates);
        var channelId = await CreateChannelAsync(sandbox, bot);
        var ann = await sandbox.CreateUserAsync("Ann", stars: 150);

        var link = await bot.Client.CreateChatSubscriptionInviteLink(channelId, subscriptionPeriod: 2_592_000, subscriptionPrice: 75);
        Assert.Equal((2_592_000, 75), (link.SubscriptionPeriod, link.SubscriptionPrice));
        Assert.Equal("joined", await JoinAsync(sandbox, ann, link.InviteLink));
        var member = Assert.IsType<ChatMemberMember>(await bot.Client.GetChatMember(channelId, ann));
        Assert.Equal(TestSandbox.Epoch.AddSeconds(2_592_000).UtcDateTime, member.UntilDate);

        await sandbox.AdvanceAsync(2 * 2_592_000); // one renewal (75 left), then the Stars run out

        Assert.Equal(0, await sandbox.StarsOfAsync(ann));
        Assert.Equal(ChatMemberStatus.Left, (await bot.Client.GetChatMember(channelId, ann)).Status);
        var statuses = (await bot.ReceiveAsync(3)).Where(u => u.ChatMember is not null).Select(u => u.ChatMember!.NewChatMember.Status);
        Assert.Equal([ChatMemberStatus.Member, ChatMemberStatus.Left], statuses);
        Assert.Equal(150, (await sandbox.GetAsync($"sandbox/v1/channels/{channelId}/members")).GetProperty("star_balance").GetInt64());
    }

    [Fact]
    public async Task Subscriber_who_leaves_the_channel_is_not_charged_again()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var channelId = await CreateChannelAsync(sandbox, bot);
        var ann = await sandbox.CreateUserAsync("Ann", stars: 500);
        var link = await bot.Client.CreateChatSubscriptionInviteLink(channelId, subscriptionPeriod: 2_592_000, subscriptionPrice: 100);
        Assert.Equal("joined", await JoinAsync(sandbox, ann, link.InviteLink));

        await sandbox.PostAsync($"sandbox/v1/users/{ann}/channels/{channelId}/leave", new { });
        await sandbox.AdvanceAsync(2_592_000);

        Assert.Equal(400, await sandbox.StarsOfAsync(ann));
        Assert.False((await sandbox.GetAsync($"sandbox/v1/users/{ann}/subscriptions"))[0].GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Join_request_link_asks_the_bot_which_can_approve_or_decline()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        await bot.Client.GetUpdates(allowedUpdates: MemberUpdates);
        var channelId = await CreateChannelAsync(sandbox, bot);
        await bot.ReceiveAsync();
        var ann = await sandbox.CreateUserAsync("Ann");
        var bob = await sandbox.CreateUserAsync("Bob");
        var link = await bot.Client.CreateChatInviteLink(channelId, createsJoinRequest: true);

        Assert.Equal("request_sent", await JoinAsync(sandbox, ann, link.InviteLink));
        Assert.Equal("request_sent", await JoinAsync(sandbox, bob, link.InviteLink));
        var requests = (await bot.ReceiveAsync(2)).Select(u => u.ChatJoinRequest!).ToList();
        Assert.Equal([ann, bob], requests.Select(r => r.From.Id));
        Assert.Equal(link.InviteLink, requests[0].InviteLink!.InviteLink);
        await bot.Client.SendMessage(requests[0].UserChatId, "Welcome! Approving you now.");
        await bot.Client.ApproveChatJoinRequest(channelId, ann);
        await bot.Client.DeclineChatJoinRequest(channelId, bob);

        Assert.Equal(ChatMemberStatus.Member, (await bot.Client.GetChatMember(channelId, ann)).Status);
        Assert.Equal(ChatMemberStatus.Left, (await bot.Client.GetChatMember(channelId, bob)).Status);
        Assert.Equal(ChatMemberStatus.Member, (await bot.ReceiveAsync()).Single().ChatMember!.NewChatMember.Status);
        var twice = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.DeclineChatJoinRequest(channelId, bob));
        Assert.Equal("Bad Request: HIDE_REQUESTER_MISSING", twice.Message);
    }

    [Fact]
    public async Task Bot_that_is_not_an_admin_cannot_manage_the_channel()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var owner = await sandbox.CreateBotAsync("owner_bot");
        var stranger = await sandbox.CreateBotAsync("stranger_bot");
        var channelId = await CreateChannelAsync(sandbox, owner);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.Client.CreateChatInviteLink(channelId));
        Assert.Equal(403, error.ErrorCode);
    }

    internal static async Task<long> CreateChannelAsync(TestSandbox sandbox, TestBot bot) =>
        (await sandbox.PostAsync("sandbox/v1/channels", new { title = "Premium posts", bot_id = bot.Id })).GetProperty("id").GetInt64();

    private static async Task<string> JoinAsync(TestSandbox sandbox, long userId, string link)
    {
        using var response = await sandbox.Control.PostAsync($"sandbox/v1/users/{userId}/joins",
            new StringContent(JsonSerializer.Serialize(new { invite_link = link }), System.Text.Encoding.UTF8, "application/json"));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString()!;
    }
}
