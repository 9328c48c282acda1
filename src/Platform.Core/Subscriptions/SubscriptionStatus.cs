namespace Platform.Core.Subscriptions;

/// <summary>Where a membership stands. Access is granted in <see cref="Active"/> and <see cref="Canceled"/> (until the period end).</summary>
public enum SubscriptionStatus
{
    /// <summary>Paid (or complimentary) and renewing: access until the period end plus the grace.</summary>
    Active = 0,

    /// <summary>Will not renew (cancelled by the customer or the merchant): access until the period end.</summary>
    Canceled = 1,

    /// <summary>Ended (not renewed, cancelled and past its end, or a refunded charge): nothing granted.</summary>
    Expired = 2,
}
