namespace Platform.Core.Ledger;

/// <summary>One page of ledger rows, newest first, with the total matching the filter (for "Older →" links and the API).</summary>
public sealed record LedgerPage(IReadOnlyList<StarLedgerEntry> Items, int Page, int PageSize, int TotalCount)
{
    public bool HasNext => (Page + 1) * PageSize < TotalCount;
}
