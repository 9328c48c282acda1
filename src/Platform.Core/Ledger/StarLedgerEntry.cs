using Platform.Core.Tenancy;

namespace Platform.Core.Ledger;

/// <summary>
/// One movement of a bot's Stars: the merchant's money, exact to the nanostar. Rows are only ever inserted (a trigger
/// refuses UPDATE and DELETE): balances are sums over them. A credit from a sale is written in the same transaction as
/// the payment it records, a refund's debit with the refund, so none can be missed; <see cref="Key"/> is unique per
/// bot, so a repeated payment, refund or reconciliation pass inserts nothing twice (docs/ledger.md).
/// </summary>
public sealed class StarLedgerEntry : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid BotId { get; set; }
    public StarLedgerKind Kind { get; set; }

    /// <summary>Signed whole Stars: positive for credits, negative for debits.</summary>
    public long Stars { get; set; }

    /// <summary>Signed nanostars (the same sign as <see cref="Stars"/>), for the fractions Telegram reports on some income.</summary>
    public int Nanostars { get; set; }

    /// <summary>When the Stars moved (the payment, refund or Telegram transaction time).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>When a credit becomes withdrawable (<see cref="At"/> + the hold, fixed when written); debits: <see cref="At"/>.</summary>
    public DateTimeOffset ReleasesAt { get; set; }

    /// <summary>What makes the row unique per bot: <c>payment:{charge id}</c>, <c>refund:{charge id}</c>, <c>withdrawal:{transaction id}</c>, ….</summary>
    public required string Key { get; set; }

    /// <summary>Telegram's transaction id: the charge id for payments and refunds, the transaction id for the rest.</summary>
    public string? TelegramTransactionId { get; set; }

    /// <summary>The order a payment, renewal or refund belongs to.</summary>
    public Guid? OrderId { get; set; }

    /// <summary>Why: an adjustment's reason, the kind of other income or spending, "duplicate charge".</summary>
    public string? Note { get; set; }

    /// <summary>When the row was written (differs from <see cref="At"/> for rows reconciliation found later).</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public LedgerAmount Amount => LedgerAmount.FromStars(Stars, Nanostars);
}
