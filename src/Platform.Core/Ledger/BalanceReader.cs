using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Core.Ledger;

/// <summary>
/// Reads the current tenant's balances from the ledger: two grouped queries, whatever the number of bots, then
/// <see cref="BalanceRule"/>. A store with <see cref="LedgerCheckpoint"/>s sums only the rows released or recorded after
/// their cutoff and adds the checkpoints; without them, every row (an index-only scan). Used by the Balance page, /api/v1/balance, the
/// withdrawable check and the reconciliation's balance comparison.
/// </summary>
public sealed class BalanceReader(PlatformDbContext db, IOptions<LedgerOptions> options, TimeProvider time)
{
    private const long N = LedgerAmount.NanostarsPerStar;

    /// <summary>Every bot of the store (those without a ledger row too), at <paramref name="at"/> or now.</summary>
    public async Task<IReadOnlyList<BotBalance>> ForStoreAsync(CancellationToken cancellationToken, DateTimeOffset? at = null) =>
        await ReadAsync(null, at ?? time.GetUtcNow(), cancellationToken);

    /// <summary>One bot's balance, or null when the store has no such bot.</summary>
    public async Task<BotBalance?> ForBotAsync(Guid botId, CancellationToken cancellationToken, DateTimeOffset? at = null) =>
        (await ReadAsync(botId, at ?? time.GetUtcNow(), cancellationToken)).SingleOrDefault();

    private Task<IReadOnlyList<BotBalance>> ReadAsync(Guid? botId, DateTimeOffset now, CancellationToken cancellationToken) =>
        SerialReads.RunAsync(db, () => ReadSerialAsync(botId, now, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<BotBalance>> ReadSerialAsync(Guid? botId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bots = await db.Bots.AsNoTracking().Where(b => botId == null || b.Id == botId).OrderBy(b => b.Username)
            .Select(b => new { b.Id, b.Username }).ToListAsync(cancellationToken);
        var rows = db.StarLedger.Where(e => e.At <= now && (botId == null || e.BotId == botId));
        // A store with checkpoints (one cutoff for all its bots) sums only the rows after the cutoff; the rest is in them.
        var checkpoints = await db.LedgerCheckpoints.AsNoTracking().Where(c => botId == null || c.BotId == botId).ToListAsync(cancellationToken);
        var cutoffs = checkpoints.Select(c => c.Cutoff).Distinct().ToList();
        var cutoff = cutoffs.Count == 1 && cutoffs[0] <= now ? cutoffs[0] : (DateTimeOffset?)null;
        var checkpointed = cutoff is null ? [] : checkpoints.ToDictionary(c => c.BotId);
        // Two disjoint index ranges (released after the cutoff; released before it but recorded after), not one OR the planner scans.
        var recent = cutoff is { } c ? rows.Where(e => e.ReleasesAt > c).Concat(rows.Where(e => e.ReleasesAt <= c && e.RecordedAt > c)) : rows;
        var sums = await BotSums.PerBot(recent, now).ToDictionaryAsync(s => s.BotId, cancellationToken);
        var upcoming = (await rows.Where(e => (e.Stars > 0 || e.Nanostars > 0) && e.ReleasesAt > now)
            .GroupBy(e => new { e.BotId, e.ReleasesAt })
            .Select(g => new { g.Key.BotId, g.Key.ReleasesAt, Amount = g.Sum(e => (e.Stars * N) + e.Nanostars) })
            .OrderBy(r => r.ReleasesAt).ToListAsync(cancellationToken))
            .ToLookup(r => r.BotId, r => new StarRelease(r.ReleasesAt, new LedgerAmount(r.Amount)));
        var minimum = options.Value.MinimumWithdrawalStars;
        return [.. bots.Select(bot =>
        {
            var s = sums.GetValueOrDefault(bot.Id);
            var k = checkpointed.GetValueOrDefault(bot.Id);
            var released = new LedgerAmount((s?.Released ?? 0) + (k?.Credits ?? 0));
            var debits = -new LedgerAmount((s?.Debits ?? 0) + (k?.Debits ?? 0));
            var balance = new LedgerAmount((s?.Balance ?? 0) + (k?.Balance ?? 0));
            var withdrawable = BalanceRule.Withdrawable(released, debits);
            return new BotBalance(bot.Id, bot.Username, new LedgerAmount((s?.Earned ?? 0) + (k?.Earned ?? 0)),
                -new LedgerAmount((s?.Refunded ?? 0) + (k?.Refunded ?? 0)), -new LedgerAmount((s?.Withdrawn ?? 0) + (k?.Withdrawn ?? 0)), balance,
                BalanceRule.OnHold(balance, withdrawable), withdrawable, minimum, BalanceRule.Schedule(released, debits, upcoming[bot.Id]));
        })];
    }
}
