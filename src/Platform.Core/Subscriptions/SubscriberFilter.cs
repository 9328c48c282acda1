namespace Platform.Core.Subscriptions;

/// <summary>Which subscribers to list: a status (null: all), a search (name, @username or Telegram id) and a page from 0.</summary>
public sealed record SubscriberFilter(SubscriptionStatus? Status = null, string? Search = null, int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}
