using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Outbound;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Subscriptions;

/// <summary>
/// Lets members into the chats their plan grants and takes them out again (never a permanent ban). Scoped to one
/// tenant. Every method is safe to run twice: Telegram is called first (its calls are idempotent), then one
/// conditional update claims the change, and only the claimer writes the event and the access log row.
/// </summary>
public sealed class ChannelAccess(PlatformDbContext db, ChatAdminCalls calls, ChannelInvites invites, BotChatFactory chats, ITenantContextAccessor tenants,
    TimeProvider time, ILogger<ChannelAccess> logger)
{
    /// <summary>Reasons callers pass (free text may follow, e.g. "refunded: charge …"); they pick member.removed's reason.</summary>
    public const string ReasonExpired = "expired";
    public const string ReasonRefunded = "refunded";
    public const string ReasonMerchant = "merchant";

    /// <summary>Sends the member what the plan grants now (personal links or the join-request link); logged in the access log.</summary>
    public async Task GrantAsync(Guid subscriptionId, string actor, string reason, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is null || subscription.Status == SubscriptionStatus.Expired)
        {
            return; // nothing is granted to an ended membership
        }

        var mode = await db.SubscriptionPlans.Where(p => p.ProductId == subscription.PlanId).Select(p => (ChannelAccessMode?)p.ChannelAccess)
            .FirstOrDefaultAsync(cancellationToken) ?? ChannelAccessMode.PersonalLink;
        var grants = await db.PlanGrants.Where(g => g.PlanId == subscription.PlanId).OrderBy(g => g.Id).ToListAsync(cancellationToken);
        var plan = await db.Products.AsNoTracking().Where(p => p.Id == subscription.PlanId).Select(p => new { p.Title, p.PriceStars })
            .FirstOrDefaultAsync(cancellationToken);
        var links = new List<(string Title, string Link)>();
        foreach (var grant in grants.Where(g => g.Kind == PlanGrantKind.Chat && g.TelegramChatId is not null))
        {
            var link = mode == ChannelAccessMode.PersonalLink
                ? await invites.PersonalLinkAsync(subscription, grant, actor, reason, cancellationToken)
                : await invites.SharedLinkAsync(subscription, grant, mode, plan?.Title ?? string.Empty, plan?.PriceStars ?? 0, actor, reason,
                    cancellationToken);
            if (link is not null)
            {
                links.Add((grant.ChatTitle ?? string.Empty, link));
            }
        }

        var productIds = grants.Where(g => g.Kind == PlanGrantKind.Product && g.ProductId is not null).Select(g => g.ProductId!.Value).ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).OrderBy(p => p.Title).Select(p => p.Title)
            .ToListAsync(cancellationToken);
        if (links.Count == 0 && products.Count == 0)
        {
            return; // already in every chat, nothing else to say
        }

        await SendAsync(subscription, plan?.Title ?? string.Empty, links, products, cancellationToken);
    }

    /// <summary>
    /// For a plan sold through Telegram's channel subscription link: the links to offer instead of an invoice (Telegram
    /// charges at the door, so a bot invoice would make the buyer pay twice). Empty for every other plan.
    /// </summary>
    public async Task<IReadOnlyList<(string Title, string Link)>> ChannelSubscriptionLinksAsync(Guid planId, Guid botId,
        CancellationToken cancellationToken)
    {
        var mode = await db.SubscriptionPlans.Where(p => p.ProductId == planId).Select(p => (ChannelAccessMode?)p.ChannelAccess)
            .FirstOrDefaultAsync(cancellationToken);
        if (mode != ChannelAccessMode.TelegramSubscriptionLink)
        {
            return [];
        }

        var plan = await db.Products.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Title, p.PriceStars }).FirstAsync(cancellationToken);
        var links = new List<(string Title, string Link)>();
        foreach (var grant in await db.PlanGrants.Where(g => g.PlanId == planId && g.Kind == PlanGrantKind.Chat && g.TelegramChatId != null)
            .OrderBy(g => g.Id).ToListAsync(cancellationToken))
        {
            links.Add((grant.ChatTitle ?? string.Empty,
                await invites.EnsureSharedLinkAsync(botId, grant, ChannelAccessMode.TelegramSubscriptionLink, plan.Title, plan.PriceStars, cancellationToken)));
        }

        return links;
    }

    /// <summary>Removes the member from every granted chat and revokes their unused links; logged with the actor and reason.</summary>
    public async Task RevokeAsync(Guid subscriptionId, string actor, string reason, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is null)
        {
            return;
        }

        var titles = await db.PlanGrants.AsNoTracking()
            .Where(g => g.PlanId == subscription.PlanId && g.Kind == PlanGrantKind.Chat && g.TelegramChatId != null)
            .Select(g => new { Chat = g.TelegramChatId!.Value, g.ChatTitle }).ToListAsync(cancellationToken);
        var chatIds = titles.Select(t => t.Chat).ToList();
        var rows = await db.ChatMemberships.AsNoTracking()
            .Where(m => m.TelegramUserId == subscription.TelegramUserId && chatIds.Contains(m.TelegramChatId)
                && (m.Status == ChatMembershipStatus.Invited || m.Status == ChatMembershipStatus.Joined))
            .ToListAsync(cancellationToken);
        var eventReason = EventReason(actor, reason);
        foreach (var row in rows)
        {
            // Removed even when only invited: a join Telegram made a moment ago may not have reached us yet.
            await calls.RemoveAsync(subscription.BotId, row.TelegramChatId, row.TelegramUserId, cancellationToken);
            if (row.InviteLink is { } link)
            {
                await calls.RevokeLinkAsync(subscription.BotId, row.TelegramChatId, link, cancellationToken);
            }

            var now = time.GetUtcNow();
            var title = titles.First(t => t.Chat == row.TelegramChatId).ChatTitle ?? string.Empty;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.ChatMemberships.Where(m => m.Id == row.Id && m.Status == row.Status).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, ChatMembershipStatus.Removed).SetProperty(m => m.InviteLink, (string?)null)
                .SetProperty(m => m.InviteLinkExpiresAt, (DateTimeOffset?)null).SetProperty(m => m.RemovedAt, now).SetProperty(m => m.UpdatedAt, now),
                cancellationToken);
            if (claimed == 1)
            {
                var joined = row.Status == ChatMembershipStatus.Joined;
                if (joined)
                {
                    db.AddOutboxEvent(new MemberRemoved(subscription.Id, row.TelegramUserId, row.TelegramChatId, title, eventReason, now), now);
                }

                ChannelAccessLog.Add(db, subscription.Id, row.TelegramUserId, joined ? "removed" : "revoked", title, actor, reason, now);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>member.removed's reason for a revocation: refunded, merchant or expired.</summary>
    public static string EventReason(string actor, string reason) =>
        reason.StartsWith(ReasonRefunded, StringComparison.OrdinalIgnoreCase) ? ReasonRefunded
        : reason.StartsWith(ReasonMerchant, StringComparison.OrdinalIgnoreCase) || actor.StartsWith(ReasonMerchant, StringComparison.OrdinalIgnoreCase)
            ? ReasonMerchant
            : ReasonExpired;

    private async Task SendAsync(Subscription subscription, string planTitle, List<(string Title, string Link)> links, List<string> products,
        CancellationToken cancellationToken)
    {
        var tenant = tenants.Tenant ?? throw new InvalidOperationException("Channel access runs in a tenant scope.");
        var language = await db.Customers.AsNoTracking().Where(c => c.Id == subscription.CustomerId).Select(c => c.LanguageCode)
            .FirstOrDefaultAsync(cancellationToken);
        var member = new User { Id = subscription.TelegramUserId, FirstName = string.Empty, LanguageCode = language };
        var chat = await chats.CreateAsync(tenant, subscription.BotId, subscription.TelegramUserId, member, cancellationToken);
        if (chat is null)
        {
            return;
        }

        var text = chat.Texts.ChannelAccessReady(planTitle);
        if (products.Count > 0)
        {
            text += "\n\n" + chat.Texts.IncludedInPlan(string.Join(", ", products));
        }

        var markup = links.Count == 0
            ? null
            : new InlineKeyboardMarkup(links.Select(l => new[] { InlineKeyboardButton.WithUrl(chat.Texts.JoinChat(l.Title), l.Link) }));
        try
        {
            await chat.SendTextAsync(text, markup, cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            // The member blocked the bot: the link stays on their row and is re-sent by the next grant.
            logger.LogInformation("Member of subscription {SubscriptionId} cannot be written to; links kept for the next grant", subscription.Id);
        }
    }
}
