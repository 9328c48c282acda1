using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Data;
using Telegram.Bot;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The links a member gets for one granted chat: a personal one (member_limit 1, one hour) kept on their
/// <see cref="ChatMembership"/>, or the plan's one shared link (join requests, Telegram's channel subscription) kept on the
/// <see cref="PlanGrant"/>. An unexpired unused personal link is re-sent, not recreated; a member already in gets none.
/// </summary>
public sealed class ChannelInvites(PlatformDbContext db, ChatAdminCalls calls, TimeProvider time)
{
    /// <summary>How long a personal link works (Telegram's expire_date): enough to tap it now, too short to be worth passing on.</summary>
    public static readonly TimeSpan PersonalLinkLifetime = TimeSpan.FromHours(1);

    /// <summary>A personal link with less than this left is replaced, not re-sent.</summary>
    public static readonly TimeSpan ReuseMargin = TimeSpan.FromMinutes(10);

    /// <summary>The member's personal link to the chat; null when they are already in.</summary>
    public async Task<string?> PersonalLinkAsync(Subscription subscription, PlanGrant grant, string actor, string reason, CancellationToken cancellationToken)
    {
        var chatId = grant.TelegramChatId!.Value;
        var now = time.GetUtcNow();
        var row = await db.ChatMemberships.FirstOrDefaultAsync(m => m.TelegramChatId == chatId && m.TelegramUserId == subscription.TelegramUserId,
            cancellationToken);
        if (row?.Status == ChatMembershipStatus.Joined)
        {
            return null;
        }

        if (row is { Status: ChatMembershipStatus.Invited, InviteLink: { } unused, InviteLinkExpiresAt: { } expires } && expires - now > ReuseMargin)
        {
            return unused;
        }

        if (row?.InviteLink is { } stale)
        {
            await calls.RevokeLinkAsync(subscription.BotId, chatId, stale, cancellationToken);
        }

        var until = now + PersonalLinkLifetime;
        var name = $"Member {subscription.TelegramUserId}";
        var created = await calls.CallAsync(subscription.BotId, (c, ct) => c.CreateChatInviteLink(chatId, name, until.UtcDateTime, 1,
            cancellationToken: ct), cancellationToken);
        row ??= NewRow(now, chatId, subscription.TelegramUserId);
        row.SubscriptionId = subscription.Id;
        row.Status = ChatMembershipStatus.Invited;
        row.InviteLink = created.InviteLink;
        row.InviteLinkExpiresAt = until;
        row.UpdatedAt = now;
        ChannelAccessLog.Add(db, subscription.Id, subscription.TelegramUserId, "invited", grant.ChatTitle ?? string.Empty, actor,
            $"{reason} (personal link until {until:yyyy-MM-dd HH:mm} UTC)", now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two grants for the same member at once (two workers): the first row stands with its link, ours is revoked.
            db.ChangeTracker.Clear();
            await calls.RevokeLinkAsync(subscription.BotId, chatId, created.InviteLink, cancellationToken);
            return await db.ChatMemberships.AsNoTracking().Where(m => m.TelegramChatId == chatId && m.TelegramUserId == subscription.TelegramUserId)
                .Select(m => m.Status == ChatMembershipStatus.Joined ? null : m.InviteLink).FirstOrDefaultAsync(cancellationToken);
        }

        return created.InviteLink;
    }

    /// <summary>
    /// The plan's shared link to the chat (created once: a join-request link, or a Telegram channel subscription link at
    /// the plan's price). In the join-request mode the member is marked invited, so the bot approves them.
    /// </summary>
    public async Task<string?> SharedLinkAsync(Subscription subscription, PlanGrant grant, ChannelAccessMode mode, string planTitle, int priceStars,
        string actor, string reason, CancellationToken cancellationToken)
    {
        var chatId = grant.TelegramChatId!.Value;
        await EnsureSharedLinkAsync(subscription.BotId, grant, mode, planTitle, priceStars, cancellationToken);
        if (mode != ChannelAccessMode.JoinRequest)
        {
            return grant.SharedInviteLink;
        }

        var now = time.GetUtcNow();
        var row = await db.ChatMemberships.FirstOrDefaultAsync(m => m.TelegramChatId == chatId && m.TelegramUserId == subscription.TelegramUserId,
            cancellationToken);
        if (row?.Status == ChatMembershipStatus.Joined)
        {
            return null;
        }

        if (row?.Status != ChatMembershipStatus.Invited || row.SubscriptionId != subscription.Id)
        {
            row ??= NewRow(now, chatId, subscription.TelegramUserId);
            row.SubscriptionId = subscription.Id;
            row.Status = ChatMembershipStatus.Invited;
            row.UpdatedAt = now;
            ChannelAccessLog.Add(db, subscription.Id, subscription.TelegramUserId, "invited", grant.ChatTitle ?? string.Empty, actor,
                $"{reason} (join request link)", now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return grant.SharedInviteLink;
    }

    private ChatMembership NewRow(DateTimeOffset now, long chatId, long userId) =>
        db.ChatMemberships.Add(new ChatMembership { Id = Guid.CreateVersion7(now), TelegramChatId = chatId, TelegramUserId = userId }).Entity;

    /// <summary>
    /// The plan's one shared link to the chat, created by the bot on first use (a join-request link, or a Telegram channel
    /// subscription link at the plan's price); two callers at once keep the first link stored and revoke the other.
    /// </summary>
    public async Task<string> EnsureSharedLinkAsync(Guid botId, PlanGrant grant, ChannelAccessMode mode, string planTitle, int priceStars,
        CancellationToken cancellationToken)
    {
        var chatId = grant.TelegramChatId!.Value;
        if (grant.SharedInviteLink is null)
        {
            var name = planTitle.Length <= 32 ? planTitle : planTitle[..32];
            var created = mode == ChannelAccessMode.JoinRequest
                ? await calls.CallAsync(botId, (c, ct) => c.CreateChatInviteLink(chatId, name, createsJoinRequest: true, cancellationToken: ct),
                    cancellationToken)
                : await calls.CallAsync(botId, (c, ct) => c.CreateChatSubscriptionInviteLink(chatId, (int)MembershipSchedule.Period.TotalSeconds,
                    priceStars, name, ct), cancellationToken);
            // Two grants at once: the first link stored wins, the other is revoked.
            var stored = await db.PlanGrants.Where(g => g.Id == grant.Id && g.SharedInviteLink == null)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.SharedInviteLink, created.InviteLink), cancellationToken);
            if (stored == 0)
            {
                await calls.RevokeLinkAsync(botId, chatId, created.InviteLink, cancellationToken);
            }

            await db.Entry(grant).ReloadAsync(cancellationToken);
        }

        return grant.SharedInviteLink!;
    }
}
