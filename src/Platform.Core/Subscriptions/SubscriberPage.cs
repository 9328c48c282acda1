namespace Platform.Core.Subscriptions;

/// <summary>One page of subscribers (newest first) and how many match in all.</summary>
public sealed record SubscriberPage(IReadOnlyList<SubscriberRow> Items, int Page, int PageSize, int TotalCount)
{
    public bool HasNext => (Page + 1) * PageSize < TotalCount;
}
