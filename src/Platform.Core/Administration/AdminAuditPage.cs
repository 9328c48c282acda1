namespace Platform.Core.Administration;

/// <summary>One page of the admin audit log, newest first; <see cref="HasNext"/> when older rows follow.</summary>
public sealed record AdminAuditPage(IReadOnlyList<AdminAuditRow> Items, int Page, bool HasNext)
{
    public const int PageSize = 50;
}
