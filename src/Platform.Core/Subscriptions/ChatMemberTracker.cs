using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Outbox;
using Telegram.Bot.Types;

namespace Platform.Core.Subscriptions;

/// <summary>
/// Who is in the granted chats, from Telegram's own word (chat_member): a join through the member's personal link is
/// confirmed and the link revoked; a join through someone else's link removes the joiner (not a permanent ban) and
/// burns the link; leaving is recorded. Updates arrive more than once: each change is one conditional update, and only
/// the update that made it writes the event and the access log row.
/// </summary>
public sealed class ChatMemberTracker(
    PlatformDbContext db, ChatAdminCalls calls, ManagedChatDirectory managedChats, JoinRequestGate joinRequests, ChannelLinkMembers channelLinks,
    TimeProvider time)
{
    /// <summary>True for the updates channel access handles (they are not private chats).</summary>
    public static bool Serves(Update update) => update.MyChatMember is not null || update.ChatMember is not null || update.ChatJoinRequest is not null;

    public async Task HandleAsync(Guid botId, Update update, CancellationToken cancellationToken)
    {
        if (update.MyChatMember is { } mine)
        {
            await managedChats.RecordAsync(botId, mine, cancellationToken);
        }
        else if (update.ChatJoinRequest is { } request)
        {
            await joinRequests.AnswerAsync(botId, request, cancellationToken);
        }
        else if (update.ChatMember is { } changed && await calls.BotAsync(botId, cancellationToken) is { } bot
            && changed.NewChatMember.User.Id != bot.TelegramBotId)
        {
            if (IsIn(changed.NewChatMember) && !IsIn(changed.OldChatMember))
            {
                await OnJoinAsync(bot, changed, cancellationToken);
            }
            else if (!IsIn(changed.NewChatMember) && IsIn(changed.OldChatMember) && changed.From.Id != bot.TelegramBotId)
            {
                // Removals by the bot itself were recorded by their writer (revocation, foreign link) with their reason.
                await OnLeaveAsync(changed, cancellationToken);
            }
        }
    }

    private static bool IsIn(ChatMember member) =>
        member is ChatMemberMember or ChatMemberAdministrator or ChatMemberOwner or ChatMemberRestricted { IsMember: true };

    private async Task OnJoinAsync(Bot bot, ChatMemberUpdated changed, CancellationToken cancellationToken)
    {
        var chatId = changed.Chat.Id;
        var userId = changed.NewChatMember.User.Id;
        var link = changed.InviteLink?.InviteLink;
        var own = await db.ChatMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.TelegramChatId == chatId && m.TelegramUserId == userId, cancellationToken);
        var owner = link is null ? null
            : await db.ChatMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.TelegramChatId == chatId && m.InviteLink == link, cancellationToken);
        if (owner is not null && owner.TelegramUserId != userId)
        {
            await OnForeignLinkAsync(bot, changed, owner, own, cancellationToken);
            return;
        }

        var shared = link is null ? null
            : await db.PlanGrants.AsNoTracking().FirstOrDefaultAsync(g => g.TelegramChatId == chatId && g.SharedInviteLink == link, cancellationToken);
        if (shared is not null && changed.InviteLink?.SubscriptionPrice is not null)
        {
            own = await channelLinks.OnJoinAsync(bot, changed, shared, cancellationToken);
        }

        // Their own personal link, an approved join request, or a link of theirs we replaced since: all confirm an invitation.
        if (own is { Status: not ChatMembershipStatus.Joined } && (owner is not null || shared is not null || own.Status == ChatMembershipStatus.Invited))
        {
            var how = owner is not null ? "their personal link" : shared is not null ? "the plan's shared link" : "an earlier link of theirs";
            await MarkJoinedAsync(own, changed, how, cancellationToken);
            if (owner is not null)
            {
                await calls.RevokeLinkAsync(bot.Id, chatId, link!, cancellationToken);
            }
        }
    }

    private async Task MarkJoinedAsync(ChatMembership row, ChatMemberUpdated changed, string how, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var at = new DateTimeOffset(changed.Date, TimeSpan.Zero);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.ChatMemberships.Where(m => m.Id == row.Id && m.Status != ChatMembershipStatus.Joined).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, ChatMembershipStatus.Joined).SetProperty(m => m.JoinedAt, at).SetProperty(m => m.InviteLink, (string?)null)
            .SetProperty(m => m.InviteLinkExpiresAt, (DateTimeOffset?)null).SetProperty(m => m.UpdatedAt, now), cancellationToken);
        if (claimed == 1)
        {
            db.AddOutboxEvent(new MemberJoined(row.SubscriptionId, row.TelegramUserId, row.TelegramChatId, changed.Chat.Title ?? string.Empty, at), now);
            ChannelAccessLog.Add(db, row.SubscriptionId, row.TelegramUserId, "joined", changed.Chat.Title ?? string.Empty, "telegram", $"joined through {how}",
                now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task OnForeignLinkAsync(Bot bot, ChatMemberUpdated changed, ChatMembership owner, ChatMembership? own, CancellationToken cancellationToken)
    {
        var chatId = changed.Chat.Id;
        var joiner = changed.NewChatMember.User.Id;
        var link = owner.InviteLink!;
        var entitled = own is { Status: ChatMembershipStatus.Invited or ChatMembershipStatus.Joined };
        if (!entitled)
        {
            await calls.RemoveAsync(bot.Id, chatId, joiner, cancellationToken);
        }

        // The link is spent either way: revoked, and its owner gets a fresh one on their next grant.
        await calls.RevokeLinkAsync(bot.Id, chatId, link, cancellationToken);
        var now = time.GetUtcNow();
        var title = changed.Chat.Title ?? string.Empty;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.ChatMemberships.Where(m => m.Id == owner.Id && m.InviteLink == link).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.InviteLink, (string?)null).SetProperty(m => m.InviteLinkExpiresAt, (DateTimeOffset?)null).SetProperty(m => m.UpdatedAt, now),
            cancellationToken);
        if (claimed == 1 && !entitled)
        {
            db.AddOutboxEvent(new MemberRemoved(null, joiner, chatId, title, "foreign_link", now), now);
            ChannelAccessLog.Add(db, owner.SubscriptionId, joiner, "removed", title, "system",
                $"foreign_link: joined through the personal link of Telegram user {owner.TelegramUserId}; the link was revoked", now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (entitled && own is not null)
        {
            await MarkJoinedAsync(own, changed, "another member's link (they are a member themselves)", cancellationToken);
        }
    }

    private async Task OnLeaveAsync(ChatMemberUpdated changed, CancellationToken cancellationToken)
    {
        var chatId = changed.Chat.Id;
        var userId = changed.NewChatMember.User.Id;
        var now = time.GetUtcNow();
        var removed = changed.NewChatMember is ChatMemberBanned;
        DateTimeOffset? removedAt = removed ? now : null;
        var status = removed ? ChatMembershipStatus.Removed : ChatMembershipStatus.Left;
        var row = await db.ChatMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.TelegramChatId == chatId && m.TelegramUserId == userId, cancellationToken);
        if (row is null)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.ChatMemberships.Where(m => m.Id == row.Id && m.Status == ChatMembershipStatus.Joined).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status).SetProperty(m => m.RemovedAt, removedAt).SetProperty(m => m.UpdatedAt, now), cancellationToken);
        if (claimed == 1)
        {
            ChannelAccessLog.Add(db, row.SubscriptionId, userId, removed ? "removed" : "left", changed.Chat.Title ?? string.Empty,
                removed ? "telegram" : "customer", removed ? "removed by a chat administrator" : "left the chat", now);
            await db.SaveChangesAsync(cancellationToken);
            await channelLinks.OnLeftAsync(row, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
