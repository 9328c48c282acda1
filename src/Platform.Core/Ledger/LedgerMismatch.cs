using Platform.Core.Tenancy;

namespace Platform.Core.Ledger;

/// <summary>
/// A disagreement reconciliation found between the ledger and Telegram, shown to the merchant (Balance page) and to
/// platform admins. One row per bot, kind and reference (a charge or transaction id, or "balance"); a later pass that
/// finds the two sides agreeing stamps <see cref="ResolvedAt"/>.
/// </summary>
public sealed class LedgerMismatch : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid BotId { get; set; }
    public LedgerMismatchKind Kind { get; set; }
    public required string Reference { get; set; }

    /// <summary>What the ledger says, in nanostars (null when we have nothing).</summary>
    public long? OurNanostars { get; set; }

    /// <summary>What Telegram says, in nanostars (null when Telegram has nothing).</summary>
    public long? TelegramNanostars { get; set; }

    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
