namespace Platform.Web.Api;

/// <summary>One page of <c>GET /api/v1/ledger</c>: the rows newest first, the page asked for and the total matching the filters.</summary>
public sealed record LedgerPageResponse(IEnumerable<LedgerEntryResponse> Items, int Page, int PageSize, int Total);
