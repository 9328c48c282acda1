namespace Platform.Core.Catalog;

/// <summary>
/// One page of a product's keys (newest first) with the pool's counts per status, for the portal's keys page: a
/// product may hold 10,000 keys, so the page never loads them all.
/// </summary>
public sealed record LicenseKeyPage(
    IReadOnlyList<LicenseKey> Keys,
    IReadOnlyDictionary<LicenseKeyStatus, int> Counts,
    int PageNumber,
    int PageSize,
    int MatchingCount)
{
    public int PageCount => Math.Max(1, (MatchingCount + PageSize - 1) / PageSize);

    public int Count(LicenseKeyStatus status) => Counts.GetValueOrDefault(status);
}
