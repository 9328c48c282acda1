using Platform.TelegramSandbox.Payments;

namespace Platform.TelegramSandbox.Model;

/// <summary>
/// Runs whatever the sandbox clock has made due. Advancing the clock walks through every due instant
/// in order, so a 90-day jump renews three times with the right dates instead of once.
/// </summary>
public static class DueEvents
{
    /// <summary>Runs everything due at the clock's current time.</summary>
    public static void RunDue(SandboxStore store)
    {
        lock (store.Sync)
        {
            PaymentFlow.ExpireUnanswered(store);
            SubscriptionRenewals.RunDue(store);
        }
        store.Changed.Pulse();
    }

    /// <summary>Moves the sandbox clock forward, stopping at each due renewal or timeout on the way.</summary>
    public static DateTimeOffset Advance(SandboxStore store, TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The sandbox clock only moves forward.");
        lock (store.Sync)
        {
            var target = store.Now + by;
            while (true)
            {
                var next = Min(SubscriptionRenewals.NextDue(store), store.Data.PreCheckouts.Values
                    .Where(p => p.Status == PaymentStatus.Pending).Select(p => (DateTimeOffset?)p.Deadline).Min());
                if (next is null || next > target) break;
                store.Clock.AdvanceTo(next.Value);
                PaymentFlow.ExpireUnanswered(store);
                SubscriptionRenewals.RunDue(store);
            }
            store.Clock.AdvanceTo(target);
            PaymentFlow.ExpireUnanswered(store);
            SubscriptionRenewals.RunDue(store);
            store.Dirty = true;
        }
        store.Changed.Pulse();
        return store.Now;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
