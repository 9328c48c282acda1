namespace Platform.Core.Ledger;

/// <summary>
/// What one pass over a bot did: Telegram transactions read, ledger rows it wrote (withdrawals, returns, other income and
/// spending), mismatches it flagged (new or still open) and resolved. Counts only: the log and the sweep show these.
/// </summary>
public sealed record ReconciliationResult(ReconciliationStatus Status, int Transactions, int LedgerRows, int Flagged, int Resolved)
{
    public static ReconciliationResult Of(ReconciliationStatus status) => new(status, 0, 0, 0, 0);

    public static ReconciliationResult operator +(ReconciliationResult a, ReconciliationResult b) =>
        new(a.Status, a.Transactions + b.Transactions, a.LedgerRows + b.LedgerRows, a.Flagged + b.Flagged, a.Resolved + b.Resolved);
}
