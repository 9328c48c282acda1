namespace Platform.Core.Ledger;

/// <summary>
/// Which ledger rows to read, shared by the Balance page, <c>/api/v1/ledger</c> and the CSV export so the three agree.
/// Times are inclusive from, exclusive to; pages start at 0 and hold at most <see cref="MaxPageSize"/> rows.
/// </summary>
public sealed record LedgerFilter
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public Guid? BotId { get; init; }
    public StarLedgerKind? Kind { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = DefaultPageSize;
}
