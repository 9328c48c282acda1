using Microsoft.EntityFrameworkCore;
using Platform.Core.Common;
using Platform.Core.Data;
using Platform.Core.Outbound;
using Platform.Core.Subscriptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace Platform.Core.Conversation;

/// <summary>
/// /subscriptions: the customer's memberships in this store with their status and dates, and a Cancel or Resume
/// button for each that can still change (callback <c>s:x:&lt;id&gt;</c> / <c>s:r:&lt;id&gt;</c>). The buttons go through
/// <see cref="SubscriptionLifecycle"/> as the customer, and only for the customer's own memberships. While a membership
/// grants access, each file or text product its plan includes has a button (<c>s:g:&lt;id&gt;:&lt;n&gt;</c>, by position
/// to stay within Telegram's 64 bytes of callback data) that delivers it through <see cref="MemberProducts"/>.
/// </summary>
public sealed class SubscriptionsView(PlatformDbContext db, SubscriptionLifecycle lifecycle, MemberProducts products)
{
    public async Task ShowAsync(BotChat chat, CancellationToken cancellationToken)
    {
        var userId = chat.From?.Id ?? chat.ChatId;
        var memberships = await (
            from s in db.Subscriptions.AsNoTracking()
            join p in db.Products.AsNoTracking() on s.PlanId equals p.Id
            where s.TelegramUserId == userId
            orderby s.Status, s.PeriodEnd descending
            select new { Subscription = s, p.Title }).Take(20).ToListAsync(cancellationToken);
        if (memberships.Count == 0)
        {
            await chat.SendTextAsync(chat.Texts.NoSubscriptions, null, cancellationToken);
            return;
        }

        var lines = new List<string> { chat.Texts.SubscriptionsTitle };
        var buttons = new List<InlineKeyboardButton[]>();
        foreach (var m in memberships)
        {
            var s = m.Subscription;
            switch (s.Status)
            {
                case SubscriptionStatus.Active:
                    lines.Add(chat.Texts.MembershipActive(m.Title, s.PeriodEnd));
                    buttons.Add([InlineKeyboardButton.WithCallbackData(MessageText.Cut(chat.Texts.CancelMembership(m.Title), 60), $"s:x:{s.Id:N}")]);
                    await AddProductButtonsAsync(buttons, s.Id, cancellationToken);
                    break;
                case SubscriptionStatus.Canceled:
                    lines.Add(chat.Texts.MembershipCanceled(m.Title, s.PeriodEnd));
                    buttons.Add([InlineKeyboardButton.WithCallbackData(MessageText.Cut(chat.Texts.ResumeMembership(m.Title), 60), $"s:r:{s.Id:N}")]);
                    await AddProductButtonsAsync(buttons, s.Id, cancellationToken);
                    break;
                default:
                    lines.Add(chat.Texts.MembershipEnded(m.Title, s.ExpiredAt ?? s.PeriodEnd));
                    break;
            }
        }

        await chat.SendTextAsync(MessageText.Cut(string.Join("\n", lines), BotPhotoSender.MessageMaxLength),
            buttons.Count == 0 ? null : new InlineKeyboardMarkup(buttons), cancellationToken);
    }

    /// <summary>A product button: the member's own membership only; access is checked again by <see cref="MemberProducts"/>.</summary>
    public async Task GetProductAsync(BotChat chat, Guid subscriptionId, int index, CancellationToken cancellationToken)
    {
        var userId = chat.From?.Id ?? chat.ChatId;
        var included = await db.Subscriptions.AsNoTracking().AnyAsync(s => s.Id == subscriptionId && s.TelegramUserId == userId, cancellationToken)
            ? await products.ListAsync(subscriptionId, cancellationToken)
            : [];
        if (index < 0 || index >= included.Count)
        {
            await chat.SendTextAsync(chat.Texts.ProductUnavailable, null, cancellationToken);
            return;
        }

        await products.DeliverAsync(chat, subscriptionId, included[index].ProductId, cancellationToken);
    }

    private async Task AddProductButtonsAsync(List<InlineKeyboardButton[]> buttons, Guid subscriptionId, CancellationToken cancellationToken)
    {
        var included = await products.ListAsync(subscriptionId, cancellationToken);
        for (var i = 0; i < included.Count && i < 10; i++)
        {
            buttons.Add([InlineKeyboardButton.WithCallbackData(MessageText.Cut("📥 " + included[i].Title, 60), $"s:g:{subscriptionId:N}:{i}")]);
        }
    }

    /// <summary>The Cancel button: renewal stops, access lasts to the end of the paid period.</summary>
    public Task CancelAsync(BotChat chat, Guid subscriptionId, CancellationToken cancellationToken) =>
        ChangeAsync(chat, subscriptionId, cancel: true, cancellationToken);

    /// <summary>The Resume button: renewal again, while the paid period lasts.</summary>
    public Task ResumeAsync(BotChat chat, Guid subscriptionId, CancellationToken cancellationToken) =>
        ChangeAsync(chat, subscriptionId, cancel: false, cancellationToken);

    private async Task ChangeAsync(BotChat chat, Guid subscriptionId, bool cancel, CancellationToken cancellationToken)
    {
        var userId = chat.From?.Id ?? chat.ChatId;
        var title = await (
            from s in db.Subscriptions.AsNoTracking()
            join p in db.Products.AsNoTracking() on s.PlanId equals p.Id
            where s.Id == subscriptionId && s.TelegramUserId == userId
            select p.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            await chat.SendTextAsync(chat.Texts.OrderNotFound, null, cancellationToken);
            return;
        }

        var result = cancel
            ? await lifecycle.CancelAsync(subscriptionId, "customer", cancellationToken)
            : await lifecycle.ResumeAsync(subscriptionId, "customer", cancellationToken);
        var text = result.Succeeded
            ? cancel ? chat.Texts.SubscriptionCanceled(title, result.Value.PeriodEnd) : chat.Texts.SubscriptionResumed(title, result.Value.PeriodEnd)
            : result.Failure.Kind == FailureKind.Unavailable ? chat.Texts.StoreUnavailable : chat.Texts.SubscriptionNotChanged;
        await chat.SendTextAsync(text, null, cancellationToken);
    }
}
