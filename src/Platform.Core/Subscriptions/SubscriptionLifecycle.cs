using Platform.Core.Common;

namespace Platform.Core.Subscriptions;

/// <summary>
/// Every change of a membership's status after it started: cancel, resume, expire, restore, complimentary grants.
/// Each change writes its event in the same transaction and is safe to run twice. Scoped to one tenant.
/// </summary>
public sealed class SubscriptionLifecycle
{
    /// <summary>Cancels renewal (editUserStarSubscription is_canceled=true for Stars memberships); access lasts to the period end.</summary>
    public Task<Result<Subscription>> CancelAsync(Guid subscriptionId, string actor, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Re-enables renewal before the period end (editUserStarSubscription is_canceled=false).</summary>
    public Task<Result<Subscription>> ResumeAsync(Guid subscriptionId, string actor, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Ends access now if still due (or unconditionally for a refund) and revokes what was granted. False when nothing changed.</summary>
    public Task<bool> ExpireAsync(Guid subscriptionId, string reason, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Merchant's "restore access" after a mistake: active again until at least the given date, access granted again.</summary>
    public Task<Result<Subscription>> RestoreAsync(Guid subscriptionId, DateTimeOffset until, string actor, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>A complimentary membership (no payment) for a customer of the store, until a date.</summary>
    public Task<Result<Subscription>> GrantComplimentaryAsync(Guid planId, Guid customerId, DateTimeOffset until, string actor,
        CancellationToken cancellationToken) => throw new NotImplementedException();
}
