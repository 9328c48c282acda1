using Platform.Core.Outbound;
using Platform.Core.Tenancy;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The real sweep actions: the reminder goes to the member's private chat through Outbound (rate gates, 429 retry)
/// in their language; expiry is <see cref="SubscriptionLifecycle.ExpireAsync"/>, which writes the event and revokes.
/// </summary>
public sealed class SubscriptionSweepActions(BotChatFactory chats, SubscriptionLifecycle lifecycle, ChannelLinkMembers channelLinks)
    : ISubscriptionSweepActions
{
    public async Task<ReminderOutcome> SendReminderAsync(TenantInfo tenant, DueReminder reminder, CancellationToken cancellationToken)
    {
        var from = new User
        {
            Id = reminder.TelegramUserId,
            FirstName = reminder.FirstName ?? string.Empty,
            LanguageCode = reminder.LanguageCode,
        };
        var chat = await chats.CreateAsync(tenant, reminder.BotId, reminder.TelegramUserId, from, cancellationToken);
        if (chat is null)
        {
            return ReminderOutcome.Unreachable;
        }

        try
        {
            await chat.SendTextAsync(chat.Texts.MembershipRenewsSoon(reminder.PlanTitle, reminder.PeriodEnd, reminder.PriceStars), null,
                cancellationToken);
            return ReminderOutcome.Sent;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            // Blocked, or never started the bot: sending again would fail the same way.
            return ReminderOutcome.Unreachable;
        }
    }

    /// <summary>
    /// A Telegram channel-subscription membership renews inside Telegram without an update to us, so its period is read
    /// from the chat first; a member who paid again is extended instead of removed. Every other membership expires as due.
    /// </summary>
    public async Task<bool> ExpireAsync(Guid subscriptionId, string reason, CancellationToken cancellationToken) =>
        !await channelLinks.RefreshPeriodAsync(subscriptionId, cancellationToken)
        && await lifecycle.ExpireAsync(subscriptionId, reason, cancellationToken);
}
