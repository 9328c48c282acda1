using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Ledger;
using Platform.Tests.Bots;
using Xunit.Abstractions;

namespace Platform.Tests.Ledger;

/// <summary>
/// Issue 15 point 6, exactness as a property: over a long random run of payments, renewals, refunds, withdrawals,
/// duplicates and clock moves, the Stars paid in equal the credits, the refunds equal the debits, and BalanceReader's
/// figures equal <see cref="ReferenceLedger"/> to the nanostar and the microsecond — at the clock's instant and around
/// the next releases. Fixed seeds plus one from <c>LEDGER_SEED</c> or the clock, printed on failure.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class LedgerExactnessShould(LedgerWritesAppFactory app, ITestOutputHelper output) : IClassFixture<LedgerWritesAppFactory>
{
    private const int Steps = 320;
    private const int CheckEvery = 20;
    private const long Minimum = 1000;

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(20261205)]
    public Task Keep_payments_equal_to_credits_refunds_to_debits_and_eligibility_equal_to_the_reference_over_a_random_run(int seed) => RunAsync(seed);

    [Fact]
    public Task Keep_the_same_promises_with_a_seed_from_LEDGER_SEED_or_the_clock()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("LEDGER_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Environment.TickCount;
        output.WriteLine($"LEDGER_SEED={seed}");
        return RunAsync(seed);
    }

    [Fact]
    public async Task Reach_the_minimum_exactly_when_the_credit_making_1000_Stars_turns_21_days_old_and_not_a_microsecond_before()
    {
        var s = await LedgerScenario.CreateAsync(app, "LxEdge");
        var first = await s.PendingOrderAsync(s.TextProduct, 600, 1);
        await s.PayAsync(first, "lx-edge-1", 600, 1);
        app.Clock.Advance(TimeSpan.FromHours(5) + TimeSpan.FromTicks(70));
        var second = await s.PendingOrderAsync(s.KeyProduct, 400, 2);
        await s.PayAsync(second, "lx-edge-2", 400, 2);
        var edge = app.Clock.GetUtcNow() + TimeSpan.FromDays(21);

        app.Clock.SetUtcNow(edge - TimeSpan.FromSeconds(1));
        var before = (await s.BalanceAsync())!;
        Assert.Equal((600L, 400L, false, edge), (before.Withdrawable.Stars, before.OnHold.Stars, before.MinimumReached, before.NextReleaseAt));
        var justBefore = (await s.BalanceAsync(edge - TimeSpan.FromTicks(10)))!;
        Assert.Equal((600L, false), (justBefore.Withdrawable.Stars, justBefore.MinimumReached));

        app.Clock.SetUtcNow(edge);
        var at = (await s.BalanceAsync())!;
        Assert.Equal((1000L, 0L, true, (DateTimeOffset?)null), (at.Withdrawable.Stars, at.OnHold.Stars, at.MinimumReached, at.NextReleaseAt));

        // A refund of the older credit takes released Stars first: below the minimum again, nothing on hold.
        await s.MarkRefundedAsync(first);
        var after = (await s.BalanceAsync())!;
        Assert.Equal((400L, 0L, false, 400L), (after.Withdrawable.Stars, after.OnHold.Stars, after.MinimumReached, after.Balance.Stars));
    }

    private async Task RunAsync(int seed)
    {
        var s = await LedgerScenario.CreateAsync(app, "Lx" + (uint)seed % 100000, keys: 100);
        var run = new LedgerRun(app, s, seed);
        var step = 0;
        try
        {
            for (step = 1; step <= Steps; step++)
            {
                await run.StepAsync();
                if (step % CheckEvery == 0 || step == Steps)
                {
                    await CheckAsync(s, run, seed, step);
                }
            }
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Seed {seed} (LEDGER_SEED={seed} replays it) failed at step {step}: {e.Message}\nLast steps:\n{run.Trail}", e);
        }

        Assert.True(run.CheckpointedRows > 0, $"Seed {seed}: no checkpoint ever stood for a row, so the checkpointed read was not exercised.");
        var kinds = string.Join(", ", run.Model.Values.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
        output.WriteLine($"seed {seed}: {run.Model.Count} rows ({kinds}), {run.PaidIn} Stars in, {run.RefundedOut} refunded, {run.EdgeJumps} jumps onto a " +
            $"release edge, checkpoints of up to {run.CheckpointedRows} rows, clock {app.Clock.GetUtcNow():O}");
    }

    private async Task CheckAsync(LedgerScenario s, LedgerRun run, int seed, int step)
    {
        // The rows are exactly the model's: one per key, each kind, amount and time as the step wrote it.
        var rows = await s.RowsAsync();
        var actual = rows.Select(r => new ModelRow(r.Key, r.Kind, r.Amount.TotalNanostars, r.At, r.ReleasesAt)).OrderBy(r => r.Key, StringComparer.Ordinal);
        Assert.Equal(run.Model.Values.OrderBy(r => r.Key, StringComparer.Ordinal), actual);

        // Payments in = credits; refunds = debits.
        Assert.Equal(run.PaidIn * ReferenceLedger.N,
            rows.Where(r => r.Kind is StarLedgerKind.Payment or StarLedgerKind.Renewal).Sum(r => r.Amount.TotalNanostars));
        Assert.Equal(-run.RefundedOut * ReferenceLedger.N, rows.Where(r => r.Kind == StarLedgerKind.Refund).Sum(r => r.Amount.TotalNanostars));

        // The reader equals the reference now, at the next releases (exactly, a second and a microsecond before), and at a past instant.
        var now = app.Clock.GetUtcNow();
        var probes = new List<DateTimeOffset> { now };
        foreach (var release in run.Model.Values.Where(r => r.Nanostars > 0 && r.ReleasesAt > now).Select(r => r.ReleasesAt).Distinct().Order().Take(2))
        {
            probes.AddRange([release, release - TimeSpan.FromSeconds(1), release - TimeSpan.FromTicks(10)]);
        }

        if (rows.Count > 0)
        {
            var first = rows.Min(r => r.At);
            probes.Add(first + TimeSpan.FromTicks((now - first).Ticks / 100 * 10 * new Random(seed + step).Next(10)));
        }

        foreach (var at in probes)
        {
            var balance = (await s.BalanceAsync(at == now ? null : at))!;
            ReferenceLedger.AssertEqual(ReferenceLedger.At(run.Model.Values, at, Minimum), balance, $"step {step}, at {at:O} (now {now:O})");
        }

        Assert.Equal(1, await s.Store.WithDbAsync(db => db.Bots.CountAsync()));
    }
}
