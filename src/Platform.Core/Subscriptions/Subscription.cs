using Platform.Core.Tenancy;

namespace Platform.Core.Subscriptions;

/// <summary>
/// One customer's membership of one plan (a product of kind subscription). One row per (tenant, plan, customer): a
/// renewal extends it, a purchase after it expired reactivates it, so a member's whole history hangs off one id.
/// Every charge of it is an <see cref="Orders.Order"/> (first payment and each renewal), so payments in = records out.
/// </summary>
public sealed class Subscription : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>The plan: a product of kind <see cref="Catalog.ProductKind.Subscription"/>.</summary>
    public Guid PlanId { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>The store's bot the member talks to (reminders, invite links).</summary>
    public Guid BotId { get; set; }

    /// <summary>The member's Telegram user id (also their private chat with the bot).</summary>
    public long TelegramUserId { get; set; }

    public SubscriptionStatus Status { get; set; }
    public SubscriptionSource Source { get; set; }

    /// <summary>Stars per 30-day period at the last charge (0 for a complimentary membership).</summary>
    public int PriceStars { get; set; }

    /// <summary>
    /// Telegram's charge id of the payment that started the current Telegram subscription: what
    /// <c>editUserStarSubscription</c> needs to cancel or re-enable it. Null for complimentary memberships.
    /// </summary>
    public string? TelegramChargeId { get; set; }

    /// <summary>End of the paid period: Telegram's <c>subscription_expiration_date</c> of the last charge.</summary>
    public DateTimeOffset PeriodEnd { get; set; }

    /// <summary>
    /// When access ends unless something changes: the period end plus the store's grace while the subscription
    /// renews, the period end itself once cancelled. The sweep expires rows whose time has come (partial index).
    /// </summary>
    public DateTimeOffset AccessEndsAt { get; set; }

    /// <summary>When the renewal reminder is due (period end minus the store's reminder days); null when none is owed.</summary>
    public DateTimeOffset? RemindAt { get; set; }

    /// <summary>The period end the last reminder was sent for: at most one reminder per period, whoever runs the sweep.</summary>
    public DateTimeOffset? RemindedForPeriodEnd { get; set; }

    public DateTimeOffset? CanceledAt { get; set; }

    /// <summary>Who cancelled: <c>customer</c> or <c>merchant</c> (with the member's email in the access log).</summary>
    public string? CanceledBy { get; set; }

    public DateTimeOffset? ExpiredAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
