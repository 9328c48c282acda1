using Platform.TelegramSandbox.Channels;
using Platform.TelegramSandbox.Model;

namespace Platform.TelegramSandbox.Payments;

/// <summary>
/// At the end of each 30-day period a subscription renews from the buyer's balance, or lapses when
/// the buyer cancelled or cannot pay. Called under the store lock, at the exact due instant.
/// </summary>
internal static class SubscriptionRenewals
{
    public static DateTimeOffset? NextDue(SandboxStore store) =>
        store.Data.Subscriptions.Values.Where(s => s.Active).Select(s => (DateTimeOffset?)s.ExpiresAt).Min();

    public static void RunDue(SandboxStore store)
    {
        foreach (var sub in store.Data.Subscriptions.Values.Where(s => s.Active && s.ExpiresAt <= store.Now).OrderBy(s => s.ExpiresAt).ToList())
        {
            var user = store.Data.Users[sub.UserId];
            var bot = store.Data.Bots[sub.BotId];
            store.Dirty = true;
            // A channel subscriber who left or was banned is not charged again.
            var leftChannel = sub.ChannelId is { } ch && store.Data.Channels[ch].Members.GetValueOrDefault(user.Id)?.Status != "member";
            if (sub.Canceled || leftChannel || user.Stars < sub.Price)
            {
                sub.Active = false;
                if (sub.ChannelId is { } channelId && !leftChannel) ChannelMembership.Remove(store, channelId, user, "left");
                continue;
            }
            sub.ExpiresAt = sub.ExpiresAt.AddSeconds(sub.Period);
            if (sub.ChannelId is { } chId)
                ChannelMembership.ChargeChannelSubscription(store, chId, user, sub);
            else
                PaymentFlow.Charge(store, bot, user, sub.Price, sub.Payload, sub, first: false);
        }
    }
}
