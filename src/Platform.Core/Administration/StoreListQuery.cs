using Platform.Core.Tenancy;

namespace Platform.Core.Administration;

/// <summary>
/// What the admin's stores list asks for: a search over name, slug and owner email (trimmed, case-insensitive,
/// contains), an optional status and a zero-based page of <see cref="PageSize"/>. Kept as one value so the page and the
/// benchmark ask the same question.
/// </summary>
public sealed record StoreListQuery(string? Search = null, TenantStatus? Status = null, int Page = 0)
{
    public const int PageSize = 50;

    /// <summary>Far beyond any real list; keeps <c>Page * PageSize</c> from overflowing on a hand-typed page number.</summary>
    public const int MaxPage = 100_000;
}
