namespace Platform.Core.Subscriptions;

/// <summary>
/// The one rule for "does this membership still grant access": not expired and its access end still ahead. The sweep
/// expires rows some minutes late, so readers (downloads, member products) check the date themselves instead of
/// trusting the status alone.
/// </summary>
public static class MembershipAccess
{
    public static bool IsOpen(SubscriptionStatus status, DateTimeOffset accessEndsAt, DateTimeOffset now) =>
        status != SubscriptionStatus.Expired && accessEndsAt > now;
}
