using Platform.Core.Ledger;

namespace Platform.Tests.Ledger;

/// <summary>A ledger row as the property test expects it, amounts in nanostars.</summary>
public sealed record ModelRow(string Key, StarLedgerKind Kind, long Nanostars, DateTimeOffset At, DateTimeOffset ReleasesAt);

/// <summary>What the reference says a bot's figures are at an instant (nanostars; releases grouped by instant).</summary>
public sealed record ReferenceBalance(
    long Earned, long Refunded, long Withdrawn, long Balance, long OnHold, long Withdrawable, bool MinimumReached,
    IReadOnlyList<(DateTimeOffset At, long Nanostars)> Releases);

/// <summary>
/// The eligibility rule of docs/ledger.md computed the slow, literal way, independent of BalanceRule and BalanceReader:
/// each credit is a lot; walking time forward, a lot joins the released pool at its release (first paying any debt),
/// and each debit takes the oldest released lots first, leaving what they cannot cover as a debt. The upcoming
/// releases then pay what is left of the debt in release order.
/// </summary>
public static class ReferenceLedger
{
    public const long N = LedgerAmount.NanostarsPerStar;

    public static ReferenceBalance At(IEnumerable<ModelRow> all, DateTimeOffset t, long minimumStars)
    {
        var rows = all.Where(r => r.At <= t).ToList();
        var lots = rows.Where(r => r.Nanostars > 0).OrderBy(r => r.ReleasesAt).Select(r => new Lot(r.ReleasesAt, r.Nanostars)).ToList();
        // Events up to t: releases (credits) and debits, in time order; at one instant releases first (the order does not change the sums).
        var events = lots.Where(l => l.ReleasesAt <= t).Select(l => (At: l.ReleasesAt, Order: 0, Lot: (Lot?)l, Debit: 0L))
            .Concat(rows.Where(r => r.Nanostars < 0).Select(r => (At: r.At, Order: 1, Lot: (Lot?)null, Debit: -r.Nanostars)))
            .OrderBy(e => e.At).ThenBy(e => e.Order).ToList();
        var released = new List<Lot>();
        long debt = 0;
        foreach (var e in events)
        {
            if (e.Lot is { } lot)
            {
                var paid = Math.Min(debt, lot.Left);
                (debt, lot.Left) = (debt - paid, lot.Left - paid);
                released.Add(lot);
                continue;
            }

            var owed = e.Debit;
            foreach (var oldest in released.Where(l => l.Left > 0))
            {
                var taken = Math.Min(owed, oldest.Left);
                (owed, oldest.Left) = (owed - taken, oldest.Left - taken);
            }

            debt += owed;
        }

        Assert.True(debt == 0 || released.All(l => l.Left == 0), "The reference itself broke: a debt beside released Stars.");
        var withdrawable = released.Sum(l => l.Left);
        var upcoming = new List<(DateTimeOffset At, long Nanostars)>();
        foreach (var lot in lots.Where(l => l.ReleasesAt > t))
        {
            var paid = Math.Min(debt, lot.Left);
            debt -= paid;
            upcoming.Add((lot.ReleasesAt, lot.Left - paid));
        }

        var releases = upcoming.GroupBy(u => u.At).Select(g => (g.Key, g.Sum(u => u.Nanostars))).Where(g => g.Item2 > 0).OrderBy(g => g.Key).ToList();
        return new ReferenceBalance(
            Sum(rows, StarLedgerKind.Payment, StarLedgerKind.Renewal, StarLedgerKind.OtherIncome),
            -Sum(rows, StarLedgerKind.Refund),
            -Sum(rows, StarLedgerKind.Withdrawal, StarLedgerKind.WithdrawalReturned),
            rows.Sum(r => r.Nanostars),
            releases.Sum(r => r.Item2),
            withdrawable,
            withdrawable >= minimumStars * N,
            releases);
    }

    /// <summary>Asserts the reader's figures equal the reference's, naming the instant and the figure that differs.</summary>
    public static void AssertEqual(ReferenceBalance expected, BotBalance actual, string where)
    {
        Assert.True(expected.Earned == actual.Earned.TotalNanostars, $"{where}: earned {actual.Earned}, reference {expected.Earned}");
        Assert.True(expected.Refunded == actual.Refunded.TotalNanostars, $"{where}: refunded {actual.Refunded}, reference {expected.Refunded}");
        Assert.True(expected.Withdrawn == actual.Withdrawn.TotalNanostars, $"{where}: withdrawn {actual.Withdrawn}, reference {expected.Withdrawn}");
        Assert.True(expected.Balance == actual.Balance.TotalNanostars, $"{where}: balance {actual.Balance}, reference {expected.Balance}");
        Assert.True(expected.Withdrawable == actual.Withdrawable.TotalNanostars,
            $"{where}: withdrawable {actual.Withdrawable}, reference {expected.Withdrawable}");
        Assert.True(expected.OnHold == actual.OnHold.TotalNanostars, $"{where}: on hold {actual.OnHold}, reference {expected.OnHold}");
        Assert.True(expected.MinimumReached == actual.MinimumReached, $"{where}: minimum reached {actual.MinimumReached}");
        var schedule = actual.Releases.Select(r => (r.At, r.Amount.TotalNanostars)).ToList();
        Assert.True(expected.Releases.SequenceEqual(schedule),
            $"{where}: schedule [{string.Join(", ", schedule)}], reference [{string.Join(", ", expected.Releases)}]");
        Assert.Equal(expected.Releases.Count > 0 ? expected.Releases[0].At : null, actual.NextReleaseAt);
        var byDay = expected.Releases.GroupBy(r => DateOnly.FromDateTime(r.At.UtcDateTime)).Select(g => (g.Key, g.Sum(r => r.Nanostars)));
        Assert.Equal(byDay, actual.ReleasesByDay().Select(d => (d.Date, d.Amount.TotalNanostars)));
    }

    private static long Sum(List<ModelRow> rows, params StarLedgerKind[] kinds) => rows.Where(r => kinds.Contains(r.Kind)).Sum(r => r.Nanostars);

    private sealed class Lot(DateTimeOffset releasesAt, long nanostars)
    {
        public DateTimeOffset ReleasesAt { get; } = releasesAt;

        public long Left { get; set; } = nanostars;
    }
}
