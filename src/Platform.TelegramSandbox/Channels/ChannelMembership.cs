using Platform.TelegramSandbox.Model;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Channels;

/// <summary>
/// Joining and leaving channels, with the chat_member / my_chat_member updates Telegram sends to
/// administrator bots. Called under the store lock.
/// </summary>
internal static class ChannelMembership
{
    public static ChannelRecord Create(SandboxStore store, string title, string? username, BotRecord bot)
    {
        var channel = new ChannelRecord { Id = store.Data.NextChannelId--, Title = title, Username = username, AdminBotIds = [bot.Id] };
        store.Data.Channels[channel.Id] = channel;
        store.ChatOf(bot, channel.Id);
        store.Enqueue(bot, new Update
        {
            MyChatMember = new ChatMemberUpdated
            {
                Chat = channel.ToChat(),
                From = bot.ToUser(),
                Date = store.Now.UtcDateTime,
                OldChatMember = new ChatMemberLeft { User = bot.ToUser() },
                NewChatMember = ChatMembers.Administrator(bot.ToUser()),
            },
        });
        return channel;
    }

    public static JoinOutcome Join(SandboxStore store, UserRecord user, string link)
    {
        var channel = store.Data.Channels.Values.FirstOrDefault(c => c.InviteLinks.Any(l => l.Link == link));
        var invite = channel?.InviteLinks.First(l => l.Link == link);
        if (channel is null || invite is null) return JoinOutcome.NotFound;
        if (invite.IsRevoked) return JoinOutcome.Revoked;
        if (invite.ExpireDate is { } expires && store.Now >= expires) return JoinOutcome.Expired;
        if (invite.MemberLimit is { } limit && invite.JoinedCount >= limit) return JoinOutcome.LimitReached;
        var current = channel.Members.GetValueOrDefault(user.Id);
        // A ban with an until_date ends by itself on the sandbox clock.
        if (current?.Status == "kicked" && (current.UntilDate is null || current.UntilDate > store.Now)) return JoinOutcome.Banned;
        if (current?.Status == "member") return JoinOutcome.AlreadyMember;
        if (invite.CreatesJoinRequest)
        {
            channel.JoinRequests[user.Id] = link;
            store.Dirty = true;
            foreach (var bot in channel.AdminBotIds.Select(id => store.Data.Bots[id]))
            {
                store.ChatOf(bot, user.Id); // user_chat_id lets the bot write to the requester
                store.Enqueue(bot, new Update
                {
                    ChatJoinRequest = new ChatJoinRequest
                    {
                        Chat = channel.ToChat(),
                        From = user.ToUser(),
                        UserChatId = user.Id,
                        Date = store.Now.UtcDateTime,
                        InviteLink = ChatMembers.Link(store, invite),
                    },
                });
            }
            return JoinOutcome.RequestSent;
        }
        DateTimeOffset? until = null;
        if (invite.SubscriptionPrice is { } price)
        {
            if (user.Stars < price) return JoinOutcome.InsufficientStars;
            var sub = new SubscriptionRecord
            {
                Id = store.NewId("sub"),
                BotId = invite.CreatorBotId,
                UserId = user.Id,
                ChannelId = channel.Id,
                InviteLink = link,
                Price = price,
                Period = invite.SubscriptionPeriod ?? Payments.InvoiceRules.SubscriptionPeriod,
                Title = channel.Title,
                ExpiresAt = store.Now.AddSeconds(invite.SubscriptionPeriod ?? Payments.InvoiceRules.SubscriptionPeriod),
            };
            store.Data.Subscriptions[sub.Id] = sub;
            ChargeChannelSubscription(store, channel.Id, user, sub);
            until = sub.ExpiresAt;
        }
        Admit(store, channel, user, invite, until);
        return JoinOutcome.Joined;
    }

    /// <summary>Makes the user a member (after a join, or when a join request is approved) and tells the admin bots.</summary>
    public static void Admit(SandboxStore store, ChannelRecord channel, UserRecord user, InviteLinkRecord invite, DateTimeOffset? until = null,
        User? actor = null)
    {
        var before = channel.Members.GetValueOrDefault(user.Id);
        invite.JoinedCount++;
        channel.Members[user.Id] = new MemberRecord { Status = "member", UntilDate = until, JoinedVia = invite.Link };
        store.Dirty = true;
        Notify(store, channel, user, before, channel.Members[user.Id], invite, actor);
    }

    /// <summary>Subscription fees are paid to the channel; there is no bot-side payment message for them.</summary>
    public static void ChargeChannelSubscription(SandboxStore store, long channelId, UserRecord user, SubscriptionRecord sub)
    {
        var channel = store.Data.Channels[channelId];
        user.Stars -= sub.Price;
        channel.StarBalance += sub.Price;
        var chargeId = store.NewId("stxs");
        sub.ChargeIds.Add(chargeId);
        store.Data.Charges[chargeId] = new ChargeRecord
        {
            Id = chargeId,
            BotId = sub.BotId,
            UserId = user.Id,
            Amount = sub.Price,
            Payload = "",
            SubscriptionId = sub.Id
        };
        if (channel.Members.TryGetValue(user.Id, out var member)) member.UntilDate = sub.ExpiresAt;
        store.Dirty = true;
    }

    /// <summary>Moves a member out (left on leave or lapse, kicked on ban) and tells the admin bots.</summary>
    public static void Remove(SandboxStore store, long channelId, UserRecord user, string status, DateTimeOffset? until = null, User? actor = null)
    {
        var channel = store.Data.Channels[channelId];
        var before = channel.Members.GetValueOrDefault(user.Id);
        var after = new MemberRecord { Status = status, UntilDate = until };
        channel.Members[user.Id] = after;
        store.Dirty = true;
        if (before?.Status == after.Status) return;
        Notify(store, channel, user, before, after, null, actor);
    }

    private static void Notify(SandboxStore store, ChannelRecord channel, UserRecord user, MemberRecord? before, MemberRecord after, InviteLinkRecord? invite,
        User? actor = null)
    {
        foreach (var botId in channel.AdminBotIds)
        {
            var bot = store.Data.Bots[botId];
            store.Enqueue(bot, new Update
            {
                ChatMember = new ChatMemberUpdated
                {
                    Chat = channel.ToChat(),
                    From = actor ?? user.ToUser(),
                    Date = store.Now.UtcDateTime,
                    OldChatMember = ChatMembers.From(user.ToUser(), before),
                    NewChatMember = ChatMembers.From(user.ToUser(), after),
                    InviteLink = invite is null ? null : ChatMembers.Link(store, invite),
                },
            });
        }
    }
}
