using Platform.Core.Tenancy;

namespace Platform.Core.Ledger;

/// <summary>
/// A transaction as Telegram listed it (getStarTransactions), kept the first time reconciliation reads it: what our
/// records are matched against, and what "missing at Telegram" is decided from. Insert-only, unique per bot, id and
/// direction (a refund carries the id of the payment it returns).
/// </summary>
public sealed class TelegramStarTransaction : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid BotId { get; set; }
    public required string TransactionId { get; set; }

    /// <summary>True for Stars coming in (a source), false for Stars going out (a receiver).</summary>
    public bool Incoming { get; set; }

    /// <summary>Position in Telegram's list when first read.</summary>
    public int Offset { get; set; }

    /// <summary>Unsigned amount in nanostars.</summary>
    public long Nanostars { get; set; }

    public DateTimeOffset Date { get; set; }

    /// <summary>Telegram's partner type (user, fragment, affiliate_program, …) and, for users, the transaction type.</summary>
    public required string Partner { get; set; }

    public DateTimeOffset SeenAt { get; set; }
}
