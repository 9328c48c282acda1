using Platform.Core.Outbound;

namespace Platform.Core.Orders;

/// <summary>
/// Fulfils the charge order of a subscription plan (a first payment, a renewal, a reactivation). Owned by Orders so
/// fulfilment and its backstop (<see cref="FulfilOrderJob"/>) handle plan orders like any other, and implemented by
/// Subscriptions, which Orders must not reference.
/// </summary>
public interface IPlanFulfilment
{
    /// <summary>
    /// Confirms the charge to the member, grants access when this charge starts (or restarts) it, and marks the order
    /// Fulfilled once that is done. Safe to run twice; <paramref name="sequence"/> &gt; 0 is a "get again" from /orders.
    /// </summary>
    Task FulfilAsync(BotChat chat, Order order, int sequence, CancellationToken cancellationToken);
}
