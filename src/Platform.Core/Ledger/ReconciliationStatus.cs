namespace Platform.Core.Ledger;

/// <summary>How a reconciliation pass over one bot ended, so the sweep and the benchmark can count without reading logs.</summary>
public enum ReconciliationStatus
{
    /// <summary>Read Telegram's list to its end, checked both sides and the balance.</summary>
    Done,

    /// <summary>Another pass holds the bot (its claim has not run out): this one read nothing.</summary>
    Busy,

    /// <summary>The bot is gone, removed or its token was revoked: nothing to read.</summary>
    Skipped,

    /// <summary>Telegram refused or could not be reached; what was read is kept and the next pass resumes from it.</summary>
    Failed,
}
