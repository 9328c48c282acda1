namespace Platform.Core.Ledger;

/// <summary>How our records and Telegram's disagree.</summary>
public enum LedgerMismatchKind
{
    /// <summary>We recorded a payment or refund that Telegram's transaction list does not show.</summary>
    MissingAtTelegram,

    /// <summary>Telegram lists a payment or refund of ours that we never recorded (e.g. an update lost for good).</summary>
    MissingHere,

    /// <summary>Both sides have it, with different amounts.</summary>
    AmountDiffers,

    /// <summary>Telegram's balance (getMyStarBalance) differs from the ledger's after a full pass.</summary>
    BalanceDiffers,
}
