using Platform.Core.Catalog;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The dates a membership's status implies, from the store's settings: when access ends (period end plus grace while
/// renewing, the period end once cancelled) and when the reminder is due. Every writer of a status uses this.
/// </summary>
public static class MembershipSchedule
{
    /// <summary>Telegram's only subscription period: 30 days (subscription_period 2592000).</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2592000);

    /// <summary>Sets <see cref="Subscription.AccessEndsAt"/> and <see cref="Subscription.RemindAt"/> for its status and period end.</summary>
    public static void Apply(Subscription subscription, StoreSettings? settings)
    {
        var graceHours = settings?.SubscriptionGraceHours ?? 24;
        var reminderDays = settings?.SubscriptionReminderDays ?? 3;
        subscription.AccessEndsAt = subscription.Status == SubscriptionStatus.Active && subscription.Source != SubscriptionSource.Complimentary
            ? subscription.PeriodEnd.AddHours(graceHours)
            : subscription.PeriodEnd;
        subscription.RemindAt = subscription.Status == SubscriptionStatus.Active && subscription.Source == SubscriptionSource.Stars && reminderDays > 0
            && subscription.RemindedForPeriodEnd != subscription.PeriodEnd
            ? subscription.PeriodEnd.AddDays(-reminderDays)
            : null;
    }
}
