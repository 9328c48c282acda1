using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The join-request mode's door: the shared link admits nobody by itself; the bot approves a request only from a user
/// whose membership (active, or cancelled but still paid) grants that chat, and declines everyone else ("refused" in the
/// access log). A request already answered (a re-run update) is not answered or logged again.
/// </summary>
public sealed class JoinRequestGate(PlatformDbContext db, ChatAdminCalls calls, TimeProvider time)
{
    public async Task AnswerAsync(Guid botId, ChatJoinRequest request, CancellationToken cancellationToken)
    {
        var chatId = request.Chat.Id;
        var userId = request.From.Id;
        var planIds = await db.PlanGrants.AsNoTracking().Where(g => g.Kind == PlanGrantKind.Chat && g.TelegramChatId == chatId).Select(g => g.PlanId)
            .ToListAsync(cancellationToken);
        if (planIds.Count == 0)
        {
            return; // not a chat a plan grants: the merchant answers its requests
        }

        var now = time.GetUtcNow();
        var title = request.Chat.Title ?? string.Empty;
        var subscription = await db.Subscriptions.AsNoTracking()
            .Where(s => s.TelegramUserId == userId && planIds.Contains(s.PlanId) && s.Status != SubscriptionStatus.Expired && s.AccessEndsAt > now)
            .OrderByDescending(s => s.AccessEndsAt).FirstOrDefaultAsync(cancellationToken);
        if (subscription is null)
        {
            if (await AnsweredAsync(calls.CallAsync(botId, (c, ct) => c.DeclineChatJoinRequest(chatId, userId, ct), cancellationToken)))
            {
                ChannelAccessLog.Add(db, null, userId, "refused", title, "system", "join request from someone without an active membership", now);
                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        // Invited first, so the chat_member update that follows the approval confirms the join.
        var row = await db.ChatMemberships.FirstOrDefaultAsync(m => m.TelegramChatId == chatId && m.TelegramUserId == userId, cancellationToken);
        row ??= db.ChatMemberships.Add(new ChatMembership { Id = Guid.CreateVersion7(now), TelegramChatId = chatId, TelegramUserId = userId }).Entity;
        if (row.Status != ChatMembershipStatus.Joined)
        {
            row.Status = ChatMembershipStatus.Invited;
            row.SubscriptionId = subscription.Id;
            row.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (await AnsweredAsync(calls.CallAsync(botId, (c, ct) => c.ApproveChatJoinRequest(chatId, userId, ct), cancellationToken)))
        {
            ChannelAccessLog.Add(db, subscription.Id, userId, "approved", title, "system", "join request from a member", now);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>False when Telegram says the request is gone (answered already, or withdrawn).</summary>
    private static async Task<bool> AnsweredAsync(Task call)
    {
        try
        {
            await call;
            return true;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            return false;
        }
    }
}
