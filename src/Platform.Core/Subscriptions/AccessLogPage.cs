namespace Platform.Core.Subscriptions;

/// <summary>One page of the access log (newest first): every grant and revocation with who did it and why.</summary>
public sealed record AccessLogPage(IReadOnlyList<AccessLogEntry> Items, int Page, int PageSize, int TotalCount)
{
    public bool HasNext => (Page + 1) * PageSize < TotalCount;
}
