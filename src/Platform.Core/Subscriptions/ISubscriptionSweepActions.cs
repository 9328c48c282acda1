using Platform.Core.Tenancy;

namespace Platform.Core.Subscriptions;

/// <summary>
/// What the sweep does to a due membership once it has chosen (and, for a reminder, claimed) it. An interface so the
/// choosing and claiming — the part that must scale and must never double up — can be measured and tested without
/// Telegram: the benchmark swaps in counters. Scoped to one tenant.
/// </summary>
public interface ISubscriptionSweepActions
{
    /// <summary>Sends the renewal reminder; throws on a failure worth retrying (the sweep then releases the claim).</summary>
    Task<ReminderOutcome> SendReminderAsync(TenantInfo tenant, DueReminder reminder, CancellationToken cancellationToken);

    /// <summary>Ends the membership and revokes what it granted; false when nothing changed (no longer due).</summary>
    Task<bool> ExpireAsync(Guid subscriptionId, string reason, CancellationToken cancellationToken);
}
