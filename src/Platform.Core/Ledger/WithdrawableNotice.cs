using Platform.Core.Tenancy;

namespace Platform.Core.Ledger;

/// <summary>
/// Whether a bot's withdrawable Stars are at or above the minimum, as last told: the merchant hears once when they
/// first cross it (portal notice, balance.withdrawable, the owner's Telegram), and again only after they fell below
/// (a withdrawal) and crossed once more. One row per bot, changed by a conditional update so two checks tell once.
/// </summary>
public sealed class WithdrawableNotice : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid BotId { get; set; }

    /// <summary>True from the crossing until the withdrawable Stars fall below the minimum again.</summary>
    public bool AboveMinimum { get; set; }

    /// <summary>When the last crossing was told, and how many nanostars were withdrawable then.</summary>
    public DateTimeOffset? NotifiedAt { get; set; }

    public long NotifiedNanostars { get; set; }
}
