using Platform.TelegramSandbox.Channels;
using Platform.TelegramSandbox.Model;
using Platform.TelegramSandbox.Payments;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Platform.TelegramSandbox.Api.Methods;

/// <summary>Invite links, bans and chat lookups.</summary>
internal static class ChatMethods
{
    public static void Register(IDictionary<string, MethodHandler> map)
    {
        map["createChatInviteLink"] = (call, _) =>
        {
            var limit = call.Long("member_limit");
            if (limit is < 1 or > 99999) throw BotApiException.BadRequest("invalid member_limit specified");
            if (limit is not null && call.Bool("creates_join_request") == true)
                throw BotApiException.BadRequest("member_limit can't be specified for links requiring administrator approval");
            lock (call.Store.Sync)
            {
                var channel = ChatResolver.Channel(call);
                var expire = call.Long("expire_date") is { } unix ? DateTimeOffset.FromUnixTimeSeconds(unix) : (DateTimeOffset?)null;
                if (expire is not null && expire <= call.Store.Now) throw BotApiException.BadRequest("invalid expire_date specified");
                return ValueTask.FromResult<object>(Add(call, channel, new InviteLinkRecord
                {
                    MemberLimit = (int?)limit,
                    ExpireDate = expire,
                    CreatesJoinRequest = call.Bool("creates_join_request") ?? false,
                }));
            }
        };
        map["createChatSubscriptionInviteLink"] = (call, _) =>
        {
            if (call.ReqLong("subscription_period") != InvoiceRules.SubscriptionPeriod)
                throw BotApiException.BadRequest($"subscription_period must be {InvoiceRules.SubscriptionPeriod} (30 days)");
            var price = call.ReqLong("subscription_price");
            if (price is < 1 or > InvoiceRules.MaxSubscriptionPrice) throw BotApiException.BadRequest("invalid subscription_price specified");
            lock (call.Store.Sync)
            {
                var channel = ChatResolver.Channel(call);
                return ValueTask.FromResult<object>(Add(call, channel, new InviteLinkRecord
                {
                    SubscriptionPeriod = InvoiceRules.SubscriptionPeriod,
                    SubscriptionPrice = (int)price,
                }));
            }
        };
        map["revokeChatInviteLink"] = (call, _) =>
        {
            var link = call.ReqStr("invite_link");
            lock (call.Store.Sync)
            {
                var channel = ChatResolver.Channel(call);
                var record = channel.InviteLinks.FirstOrDefault(l => l.Link == link) ?? throw BotApiException.BadRequest("INVITE_HASH_EXPIRED");
                record.IsRevoked = true;
                call.Store.Dirty = true;
                return ValueTask.FromResult<object>(ChatMembers.Link(call.Store, record));
            }
        };
        map["banChatMember"] = (call, _) =>
        {
            lock (call.Store.Sync)
            {
                var channel = ChatResolver.Channel(call);
                var user = ChatResolver.User(call);
                // Telegram treats bans shorter than 30 s or longer than 366 days as forever.
                var until = call.Long("until_date") is { } unix and > 0 ? DateTimeOffset.FromUnixTimeSeconds(unix) : (DateTimeOffset?)null;
                if (until is { } u && (u - call.Store.Now < TimeSpan.FromSeconds(30) || u - call.Store.Now > TimeSpan.FromDays(366))) until = null;
                ChannelMembership.Remove(call.Store, channel.Id, user, "kicked", until, call.Bot.ToUser());
                return ValueTask.FromResult<object>(true);
            }
        };
        map["unbanChatMember"] = (call, _) =>
        {
            lock (call.Store.Sync)
            {
                var channel = ChatResolver.Channel(call);
                var user = ChatResolver.User(call);
                var status = channel.Members.GetValueOrDefault(user.Id)?.Status;
                if (call.Bool("only_if_banned") == true && status != "kicked") return ValueTask.FromResult<object>(true);
                // Unbanning a current member removes them, as Telegram does without only_if_banned.
                if (status is "kicked" or "member") ChannelMembership.Remove(call.Store, channel.Id, user, "left", actor: call.Bot.ToUser());
                return ValueTask.FromResult<object>(true);
            }
        };
        map["approveChatJoinRequest"] = (call, _) => AnswerJoinRequest(call, approve: true);
        map["declineChatJoinRequest"] = (call, _) => AnswerJoinRequest(call, approve: false);
        map["getChatMember"] = (call, _) =>
        {
            lock (call.Store.Sync)
            {
                var channel = ChatResolver.Channel(call);
                var id = call.ReqLong("user_id");
                if (channel.AdminBotIds.Contains(id)) return ValueTask.FromResult<object>(ChatMembers.Administrator(call.Store.Data.Bots[id].ToUser()));
                var user = ChatResolver.User(call);
                return ValueTask.FromResult<object>(ChatMembers.From(user.ToUser(), channel.Members.GetValueOrDefault(user.Id)));
            }
        };
        map["getChat"] = (call, _) =>
        {
            lock (call.Store.Sync)
            {
                var chat = ChatResolver.Resolve(call);
                var info = new ChatFullInfo
                {
                    Id = chat.Id,
                    Type = chat.Type,
                    Title = chat.Title,
                    Username = chat.Username,
                    FirstName = chat.FirstName,
                    LastName = chat.LastName,
                    AccentColorId = 0,
                    MaxReactionCount = 11,
                    AcceptedGiftTypes = new AcceptedGiftTypes(),
                };
                if (chat.Type == ChatType.Channel) info.Description = null;
                return ValueTask.FromResult<object>(info);
            }
        };
    }

    private static ValueTask<object> AnswerJoinRequest(MethodCall call, bool approve)
    {
        lock (call.Store.Sync)
        {
            var channel = ChatResolver.Channel(call);
            var user = ChatResolver.User(call);
            if (!channel.JoinRequests.Remove(user.Id, out var link)) throw BotApiException.BadRequest("HIDE_REQUESTER_MISSING");
            call.Store.Dirty = true;
            if (approve) ChannelMembership.Admit(call.Store, channel, user, channel.InviteLinks.First(l => l.Link == link), actor: call.Bot.ToUser());
            return ValueTask.FromResult<object>(true);
        }
    }

    private static ChatInviteLink Add(MethodCall call, ChannelRecord channel, InviteLinkRecord record)
    {
        if (call.Str("name") is { Length: > 32 }) throw BotApiException.BadRequest("name is too long");
        record.Link = "https://t.me/+" + call.Store.NewId("");
        record.CreatorBotId = call.Bot.Id;
        record.Name = call.Str("name");
        channel.InviteLinks.Add(record);
        call.Store.Dirty = true;
        return ChatMembers.Link(call.Store, record);
    }
}
