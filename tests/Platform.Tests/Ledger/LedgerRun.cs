using Platform.Core.Ledger;

namespace Platform.Tests.Ledger;

/// <summary>
/// The property test's random walk over one store's bot: payments (both recorder paths), plans' first payments and
/// renewals, redeliveries (some at the same time), duplicate charges, refunds (repeated too), withdrawals that succeed
/// or fail, other income with nanostars, and clock jumps — many landing exactly on a credit's release, a second or a
/// microsecond before it. <see cref="Model"/> keeps the rows each step must have written.
/// </summary>
public sealed partial class LedgerRun(LedgerWritesAppFactory app, LedgerScenario s, int seed)
{
    private static readonly TimeSpan Hold = TimeSpan.FromDays(21);
    private static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);
    private readonly Random rng = new(seed);
    private readonly List<Charge> charges = [];
    private readonly List<(Guid Order, long Buyer)> plans = [];
    private readonly List<(string Tx, long Nanostars)> pendingWithdrawals = [];
    private readonly List<ModelRow> telegramRows = [];
    private readonly Queue<string> trail = new();
    private int counter;

    public Dictionary<string, ModelRow> Model { get; } = [];

    public long PaidIn { get; private set; }

    /// <summary>Clock moves that landed on a credit's release instant, or a second or a microsecond from it.</summary>
    public int EdgeJumps { get; private set; }

    public long RefundedOut { get; private set; }

    /// <summary>The most rows a checkpoint stood for (the run must have read balances through one).</summary>
    public long CheckpointedRows { get; private set; }

    public string Trail => string.Join("\n", trail);

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    public async Task StepAsync()
    {
        var roll = rng.Next(100);
        var step = roll switch
        {
            < 20 => PayOrderAsync(s.TextProduct),
            < 28 => PayOrderAsync(s.KeyProduct),
            < 34 => StartPlanAsync(),
            < 42 => RenewAsync(),
            < 52 => RedeliverAsync(),
            < 57 => DuplicateChargeAsync(),
            < 67 => RefundAsync(),
            < 72 => WithdrawAsync(),
            < 75 => FailWithdrawalAsync(),
            < 78 => OtherIncomeAsync(),
            < 80 => ReplayTelegramRowAsync(),
            < 82 => AdjustOrSpendAsync(),
            < 85 => CheckpointAsync(),
            _ => MoveClockAsync(),
        };
        await step.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The daily checkpoint, at a random moment: the figures must not change by a nanostar or a second.</summary>
    private async Task CheckpointAsync()
    {
        var bots = await s.CheckpointAsync();
        var rows = await s.CheckpointedRowsAsync();
        CheckpointedRows = Math.Max(CheckpointedRows, rows);
        Note($"checkpoint ({bots} bot(s), {rows} rows)");
    }

    private void Note(string what)
    {
        trail.Enqueue($"{Now:O} {what}");
        if (trail.Count > 25)
        {
            trail.Dequeue();
        }
    }

    private string NewId(string prefix) => $"{prefix}-{seed}-{++counter}";

    private void Credit(string chargeId, long stars, bool renewal)
    {
        Model.Add(LedgerKeys.Payment(chargeId), new ModelRow(LedgerKeys.Payment(chargeId), renewal ? StarLedgerKind.Renewal : StarLedgerKind.Payment,
            stars * ReferenceLedger.N, Now, Now + Hold));
        PaidIn += stars;
    }

    private void Debit(Charge charge)
    {
        Model.Add(LedgerKeys.Refund(charge.Id), new ModelRow(LedgerKeys.Refund(charge.Id), StarLedgerKind.Refund, -charge.Stars * ReferenceLedger.N, Now, Now));
        RefundedOut += charge.Stars;
        charge.Refunded = true;
    }

    private async Task<T> MaybeTwiceAtOnceAsync<T>(Func<Task<T>> deliver)
    {
        if (rng.Next(3) > 0)
        {
            return await deliver();
        }

        var both = await Task.WhenAll(deliver(), deliver());
        Assert.Equal(both[0], both[1]);
        return both[0];
    }

    private enum ChargeKind
    {
        Order,
        Duplicate,
        PlanFirst,
        Renewal,
    }

    /// <summary>A charge the run made: <see cref="OrderId"/> is the order it paid (for a duplicate, the order it paid twice).</summary>
    private sealed record Charge(string Id, ChargeKind Kind, Guid OrderId, Guid PayloadOrderId, long Buyer, int Stars)
    {
        public bool Refunded { get; set; }
    }
}
