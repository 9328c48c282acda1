namespace Platform.Core.Ledger;

/// <summary>What moved a bot's Stars. Credits are positive rows, debits negative; the kind says why.</summary>
public enum StarLedgerKind
{
    /// <summary>A buyer paid an order (or a plan's first period): credit, on hold until its release.</summary>
    Payment,

    /// <summary>A membership renewed: credit, on hold until its release.</summary>
    Renewal,

    /// <summary>A charge given back to the buyer (refundStarPayment, or refunded by Telegram): debit.</summary>
    Refund,

    /// <summary>Stars sent to Fragment (pending or succeeded): debit.</summary>
    Withdrawal,

    /// <summary>A failed withdrawal's Stars back on the balance: credit, released at once.</summary>
    WithdrawalReturned,

    /// <summary>Income the platform did not originate (paid media, affiliate commissions, transfers): credit, on hold.</summary>
    OtherIncome,

    /// <summary>Spending the platform did not originate (gifts, paid broadcasts, Telegram Ads): debit.</summary>
    OtherSpending,

    /// <summary>A correction with a written reason: credit (released at once) or debit.</summary>
    Adjustment,
}
