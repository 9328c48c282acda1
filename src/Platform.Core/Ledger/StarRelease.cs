namespace Platform.Core.Ledger;

/// <summary>Stars that become withdrawable at an instant (after any debt from refunds and withdrawals is paid).</summary>
public sealed record StarRelease(DateTimeOffset At, LedgerAmount Amount);
