namespace Platform.Core.Administration;

/// <summary>
/// The Stars of every bot on the platform, split by the ledger's eligibility rule (summed per bot, then over bots), and
/// when that was computed: the figure is cached briefly (<see cref="PlatformBalanceCache"/>).
/// </summary>
public sealed record PlatformBalance(decimal OnHoldStars, decimal WithdrawableStars, DateTimeOffset ComputedAt);
