using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Core.Ledger;

/// <summary>
/// Rebuilds the current store's <see cref="LedgerCheckpoint"/>s from the ledger rows: in one transaction the old ones go
/// and one per bot is summed up to a single cutoff (now − <see cref="LedgerOptions.CheckpointMargin"/>, so a payment
/// still being written is not left out). Run any number of times, concurrently too (the transaction takes the store's
/// checkpoint rows with it); a checkpoint is never the only copy of anything: the rows are.
/// </summary>
public sealed class LedgerCheckpoints(PlatformDbContext db, IOptions<LedgerOptions> options, TimeProvider time)
{
    /// <summary>The number of bots checkpointed.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now - options.Value.CheckpointMargin;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LedgerCheckpoints.ExecuteDeleteAsync(cancellationToken);
        // Every row here is released by the cutoff, so "released" is all its credits.
        var rows = db.StarLedger.Where(e => e.RecordedAt <= cutoff && e.ReleasesAt <= cutoff);
        var sums = await BotSums.PerBot(rows, cutoff).ToListAsync(cancellationToken);
        db.LedgerCheckpoints.AddRange(sums.Select(s => new LedgerCheckpoint
        {
            Id = Guid.CreateVersion7(now),
            BotId = s.BotId,
            Cutoff = cutoff,
            Balance = s.Balance,
            Credits = s.Released,
            Debits = s.Debits,
            Earned = s.Earned,
            Refunded = s.Refunded,
            Withdrawn = s.Withdrawn,
            Rows = s.Rows,
            ComputedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sums.Count;
    }
}
