using System.Collections.Concurrent;

namespace Platform.Tests.Subscriptions;

/// <summary>Every expiry the sweep asked for and that changed a row: (membership, reason).</summary>
public sealed class ExpiryLog
{
    public ConcurrentQueue<(Guid SubscriptionId, string Reason)> Entries { get; } = new();

    public List<string> ReasonsFor(Guid subscriptionId) => Entries.Where(e => e.SubscriptionId == subscriptionId).Select(e => e.Reason).ToList();
}
