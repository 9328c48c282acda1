namespace Platform.Core.Ledger;

/// <summary>
/// One bot's money as the ledger derives it at an instant (docs/ledger.md has the rule): what it earned, what went back
/// and out, what is still on hold, what can be withdrawn now, and when the held Stars free up.
/// </summary>
public sealed record BotBalance(
    Guid BotId,
    string BotUsername,
    LedgerAmount Earned,
    LedgerAmount Refunded,
    LedgerAmount Withdrawn,
    LedgerAmount Balance,
    LedgerAmount OnHold,
    LedgerAmount Withdrawable,
    long MinimumWithdrawalStars,
    IReadOnlyList<StarRelease> Releases)
{
    public bool MinimumReached => Withdrawable >= LedgerAmount.FromStars(MinimumWithdrawalStars);

    public DateTimeOffset? NextReleaseAt => Releases.Count > 0 ? Releases[0].At : null;

    /// <summary>The release schedule by UTC date.</summary>
    public IReadOnlyList<(DateOnly Date, LedgerAmount Amount)> ReleasesByDay() =>
        [.. Releases.GroupBy(r => DateOnly.FromDateTime(r.At.UtcDateTime)).Select(g => (g.Key, g.Aggregate(LedgerAmount.Zero, (sum, r) => sum + r.Amount)))];
}
