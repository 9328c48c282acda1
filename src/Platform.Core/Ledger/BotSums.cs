namespace Platform.Core.Ledger;

/// <summary>
/// The sums every balance figure is made of, per bot, in nanostars: all rows; credits released by an instant; debits
/// (negative); sales and other income; refunds; withdrawals net of returns; and the row count.
/// </summary>
internal sealed record BotSums(Guid BotId, long Balance, long Released, long Debits, long Earned, long Refunded, long Withdrawn, long Rows)
{
    /// <summary>
    /// The one definition of the sums, for <see cref="BalanceReader"/> and <see cref="LedgerCheckpoints"/>: a checkpoint
    /// holds what the reader would add up for its rows, by construction.
    /// </summary>
    public static IQueryable<BotSums> PerBot(IQueryable<StarLedgerEntry> rows, DateTimeOffset releasedBy) =>
        rows.GroupBy(e => e.BotId).Select(g => new BotSums(
            g.Key,
            g.Sum(e => (e.Stars * LedgerAmount.NanostarsPerStar) + e.Nanostars),
            g.Where(e => (e.Stars > 0 || e.Nanostars > 0) && e.ReleasesAt <= releasedBy).Sum(e => (e.Stars * LedgerAmount.NanostarsPerStar) + e.Nanostars),
            g.Where(e => e.Stars < 0 || e.Nanostars < 0).Sum(e => (e.Stars * LedgerAmount.NanostarsPerStar) + e.Nanostars),
            g.Where(e => e.Kind == StarLedgerKind.Payment || e.Kind == StarLedgerKind.Renewal || e.Kind == StarLedgerKind.OtherIncome)
                .Sum(e => (e.Stars * LedgerAmount.NanostarsPerStar) + e.Nanostars),
            g.Where(e => e.Kind == StarLedgerKind.Refund).Sum(e => (e.Stars * LedgerAmount.NanostarsPerStar) + e.Nanostars),
            g.Where(e => e.Kind == StarLedgerKind.Withdrawal || e.Kind == StarLedgerKind.WithdrawalReturned)
                .Sum(e => (e.Stars * LedgerAmount.NanostarsPerStar) + e.Nanostars),
            g.LongCount()));
}
