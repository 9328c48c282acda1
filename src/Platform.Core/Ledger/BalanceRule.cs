namespace Platform.Core.Ledger;

/// <summary>
/// The eligibility rule in one place. Credits free up at their release time; refunds, withdrawals and other debits take
/// the oldest released Stars first, and what the released Stars cannot cover is a debt the next releases pay first.
/// So at any instant: withdrawable = max(0, released credits − debits); on hold = max(0, balance) − withdrawable; and each
/// upcoming release adds what is left of it after the debt.
/// </summary>
public static class BalanceRule
{
    public static LedgerAmount Withdrawable(LedgerAmount released, LedgerAmount debits) => LedgerAmount.Max(LedgerAmount.Zero, released - debits);

    public static LedgerAmount OnHold(LedgerAmount balance, LedgerAmount withdrawable) =>
        LedgerAmount.Max(LedgerAmount.Zero, LedgerAmount.Max(LedgerAmount.Zero, balance) - withdrawable);

    /// <summary>The schedule: <paramref name="upcoming"/> (credits not released yet, in release order) less the debt, zero rows left out.</summary>
    public static IReadOnlyList<StarRelease> Schedule(LedgerAmount released, LedgerAmount debits, IEnumerable<StarRelease> upcoming)
    {
        var debt = LedgerAmount.Max(LedgerAmount.Zero, debits - released);
        var schedule = new List<StarRelease>();
        foreach (var release in upcoming)
        {
            var paid = LedgerAmount.Min(debt, release.Amount);
            debt -= paid;
            if (release.Amount - paid > LedgerAmount.Zero)
            {
                schedule.Add(release with { Amount = release.Amount - paid });
            }
        }

        return schedule;
    }
}
