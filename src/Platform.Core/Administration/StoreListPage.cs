namespace Platform.Core.Administration;

/// <summary>One page of the stores list. No total count: counting 10,000 filtered stores per request buys nothing.</summary>
public sealed record StoreListPage(IReadOnlyList<StoreListItem> Items, int Page, bool HasNext);
