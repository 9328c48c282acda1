namespace Platform.Core.Subscriptions;

/// <summary>One membership as the subscribers table shows it: who, which plan, where it stands and until when.</summary>
public sealed record SubscriberRow(
    Guid Id,
    Guid PlanId,
    string PlanTitle,
    Guid CustomerId,
    long TelegramUserId,
    string? Username,
    string? FirstName,
    SubscriptionStatus Status,
    SubscriptionSource Source,
    int PriceStars,
    DateTimeOffset PeriodEnd,
    DateTimeOffset AccessEndsAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CanceledAt,
    DateTimeOffset? ExpiredAt)
{
    public string Who => Username is { Length: > 0 } ? "@" + Username
        : FirstName is { Length: > 0 } ? FirstName
        : TelegramUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
