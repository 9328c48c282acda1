using Platform.Core.Tenancy;

namespace Platform.Core.Ledger;

/// <summary>
/// A bot's ledger summed up to a cutoff, so a store with a long history is not summed from its first row on every read.
/// It covers exactly the rows recorded and released by <see cref="Cutoff"/> (so dated by it too: a row never releases
/// before its time) — rows that can no longer change any figure but by their fixed amounts, since the ledger is
/// append-only. <see cref="BalanceReader"/> adds the rows
/// after the cutoff. Derived data: <see cref="LedgerCheckpoints"/> rebuilds all of a store's checkpoints from the rows
/// in one transaction, with one cutoff (docs/ledger.md, "Speed").
/// </summary>
public sealed class LedgerCheckpoint : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid BotId { get; set; }
    public DateTimeOffset Cutoff { get; set; }

    /// <summary>The sums, in nanostars: all rows; credits; debits (negative); sales and other income; refunds; withdrawals net of returns.</summary>
    public long Balance { get; set; }

    public long Credits { get; set; }
    public long Debits { get; set; }
    public long Earned { get; set; }
    public long Refunded { get; set; }
    public long Withdrawn { get; set; }

    /// <summary>How many rows the checkpoint stands for.</summary>
    public long Rows { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
}
