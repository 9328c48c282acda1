namespace Platform.Core.Ledger;

/// <summary>
/// Platform settings for the Stars ledger (<c>Ledger</c> section), validated on start. Telegram holds earned Stars up to
/// 21 days and Fragment withdraws at least 1,000; both are settings in case Telegram changes them. A changed hold
/// applies to credits written afterwards: each row keeps the release time it was written with.
/// </summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>How long a credit is on hold before it is withdrawable.</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.FromDays(21);

    /// <summary>The smallest withdrawal Fragment accepts, in Stars.</summary>
    public long MinimumWithdrawalStars { get; set; } = 1000;

    /// <summary>How often the reconciliation sweep runs (a cron expression).</summary>
    public string ReconciliationSchedule { get; set; } = "17 * * * *";

    /// <summary>
    /// How long after a payment or refund we wait for Telegram's transaction list to show it before calling it missing
    /// there (Telegram lists a transaction within seconds; this absorbs clock differences and slow updates).
    /// </summary>
    public TimeSpan MissingAtTelegramAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How far behind now a checkpoint's cutoff stays, so a payment or refund whose transaction is still open when the
    /// checkpoint is summed (its row not visible yet) is recorded after the cutoff, not lost between the two.
    /// </summary>
    public TimeSpan CheckpointMargin { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Stores with at least this many ledger rows get daily checkpoints; smaller ones are summed from their rows.</summary>
    public long CheckpointMinRows { get; set; } = 5000;
}
