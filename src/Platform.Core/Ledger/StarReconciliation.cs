using Platform.Core.Tenancy;

namespace Platform.Core.Ledger;

/// <summary>
/// Where reconciliation stands for one bot: how far into Telegram's chronological transaction list it has read, where
/// to read again for withdrawals still pending, Telegram's last balance beside the ledger's, and the claim that keeps
/// two passes from reading the same bot at once. One row per bot; updated in place (it is state, not money).
/// </summary>
public sealed class StarReconciliation : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid BotId { get; set; }

    /// <summary>getStarTransactions offset of the first transaction not read yet.</summary>
    public int NextOffset { get; set; }

    /// <summary>Offset of the oldest withdrawal seen pending: the next pass reads from here to see how it ended.</summary>
    public int? PendingFromOffset { get; set; }

    /// <summary>Telegram's balance (getMyStarBalance) at the last pass, in nanostars.</summary>
    public long? TelegramBalanceNanostars { get; set; }

    /// <summary>The ledger's balance at the same moment, in nanostars.</summary>
    public long? LedgerBalanceNanostars { get; set; }

    public DateTimeOffset? LastPassAt { get; set; }

    /// <summary>Why the last pass stopped early (Telegram refused, the token is unreadable); null when it finished.</summary>
    public string? LastError { get; set; }

    /// <summary>A pass holds the bot until then; another pass skips it meanwhile (a crashed pass frees it when it passes).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}
