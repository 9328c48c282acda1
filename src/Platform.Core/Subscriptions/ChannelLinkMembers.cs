using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Orders;
using Platform.Core.Outbox;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.Core.Subscriptions;

/// <summary>
/// Members who pay at the door through Telegram's channel subscription link: Telegram charges (to the channel's
/// balance), the join creates or extends their membership (source channel_link, period end = Telegram's until_date or
/// 30 days), and Telegram's removal at a lapse ends it. Tracked with the same rows as every other membership.
/// </summary>
public sealed class ChannelLinkMembers(PlatformDbContext db, CustomerDirectory customers, ChatAdminCalls calls, TimeProvider time)
{
    /// <summary>A join through the plan's subscription link; returns the member's chat row (invited, for the tracker to confirm).</summary>
    public async Task<ChatMembership> OnJoinAsync(Bot bot, ChatMemberUpdated changed, PlanGrant grant, CancellationToken cancellationToken)
    {
        var user = changed.NewChatMember.User;
        var customerId = await customers.UpsertAsync(user, cancellationToken);
        var now = time.GetUtcNow();
        var periodEnd = changed.NewChatMember is ChatMemberMember { UntilDate: { } until }
            ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc))
            : new DateTimeOffset(changed.Date, TimeSpan.Zero) + MembershipSchedule.Period;
        var price = changed.InviteLink?.SubscriptionPrice ?? 0;
        var settings = await db.StoreSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.PlanId == grant.PlanId && s.CustomerId == customerId, cancellationToken);
        if (subscription is null)
        {
            subscription = db.Subscriptions.Add(new Subscription
            {
                Id = Guid.CreateVersion7(now),
                PlanId = grant.PlanId,
                CustomerId = customerId,
                BotId = bot.Id,
                TelegramUserId = user.Id,
                Status = SubscriptionStatus.Active,
                Source = SubscriptionSource.ChannelLink,
                PriceStars = price,
                PeriodEnd = periodEnd,
                CreatedAt = now,
                UpdatedAt = now,
            }).Entity;
            MembershipSchedule.Apply(subscription, settings);
            db.AddOutboxEvent(new SubscriptionStarted(subscription.Id, grant.PlanId, customerId, "channel_link", null, price, null, periodEnd, now), now);
            ChannelAccessLog.Add(db, subscription.Id, user.Id, "granted", grant.ChatTitle ?? string.Empty, "telegram",
                "paid through the channel subscription link",
                now);
        }
        else if (subscription.Status == SubscriptionStatus.Expired || subscription.PeriodEnd < periodEnd)
        {
            var reactivated = subscription.Status == SubscriptionStatus.Expired;
            subscription.Status = SubscriptionStatus.Active;
            subscription.Source = SubscriptionSource.ChannelLink;
            subscription.PriceStars = price;
            subscription.PeriodEnd = periodEnd;
            subscription.ExpiredAt = null;
            subscription.UpdatedAt = now;
            MembershipSchedule.Apply(subscription, settings);
            if (reactivated)
            {
                db.AddOutboxEvent(new SubscriptionReactivated(subscription.Id, grant.PlanId, customerId, "late_payment", null, periodEnd, now), now);
            }
        }

        var row = await db.ChatMemberships.FirstOrDefaultAsync(m => m.TelegramChatId == changed.Chat.Id && m.TelegramUserId == user.Id, cancellationToken);
        row ??= db.ChatMemberships.Add(new ChatMembership { Id = Guid.CreateVersion7(now), TelegramChatId = changed.Chat.Id, TelegramUserId = user.Id }).Entity;
        if (row.Status != ChatMembershipStatus.Joined)
        {
            row.Status = ChatMembershipStatus.Invited;
            row.SubscriptionId = subscription.Id;
            row.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>
    /// A channel-link member left the chat: at (or after) the end of the paid period that is Telegram's lapse, which ends
    /// the membership; before it they only left, and the membership stays paid.
    /// </summary>
    public async Task OnLeftAsync(ChatMembership row, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var subscription = row.SubscriptionId is { } id ? await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        if (subscription is not { Source: SubscriptionSource.ChannelLink } || subscription.Status == SubscriptionStatus.Expired
            || now < subscription.PeriodEnd - TimeSpan.FromMinutes(1))
        {
            return;
        }

        subscription.Status = SubscriptionStatus.Expired;
        subscription.ExpiredAt = now;
        subscription.UpdatedAt = now;
        MembershipSchedule.Apply(subscription, await db.StoreSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken));
        db.AddOutboxEvent(
            new SubscriptionExpired(subscription.Id, subscription.PlanId, subscription.CustomerId, "not_renewed", subscription.PeriodEnd, now), now);
        ChannelAccessLog.Add(db, subscription.Id, row.TelegramUserId, "expired", "plan", "telegram", "the channel subscription lapsed", now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Telegram renews a channel subscription without telling the bot: before a channel-link membership is expired as
    /// due, ask Telegram (getChatMember's until_date) and move its period end. True when it was extended.
    /// </summary>
    public async Task<bool> RefreshPeriodAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is not { Source: SubscriptionSource.ChannelLink, Status: not SubscriptionStatus.Expired })
        {
            return false;
        }

        var chatIds = await db.ChatMemberships.AsNoTracking()
            .Where(m => m.SubscriptionId == subscriptionId && m.Status == ChatMembershipStatus.Joined).Select(m => m.TelegramChatId)
            .ToListAsync(cancellationToken);
        var latest = subscription.PeriodEnd;
        foreach (var chatId in chatIds)
        {
            try
            {
                var member = await calls.CallAsync(subscription.BotId, (c, ct) => c.GetChatMember(chatId, subscription.TelegramUserId, ct), cancellationToken);
                if (member is ChatMemberMember { UntilDate: { } until } && new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) > latest)
                {
                    latest = new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc));
                }
            }
            catch (Telegram.Bot.Exceptions.ApiRequestException e) when (e.ErrorCode is 400 or 403)
            {
                // Not there any more, or the bot lost the chat: nothing extends the period.
            }
        }

        if (latest <= subscription.PeriodEnd)
        {
            return false;
        }

        subscription.PeriodEnd = latest;
        subscription.UpdatedAt = time.GetUtcNow();
        MembershipSchedule.Apply(subscription, await db.StoreSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken));
        ChannelAccessLog.Add(db, subscription.Id, subscription.TelegramUserId, "renewed", "plan", "telegram",
            $"the channel subscription renewed until {latest:yyyy-MM-dd HH:mm} UTC", subscription.UpdatedAt);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
