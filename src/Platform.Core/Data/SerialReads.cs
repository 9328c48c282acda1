using Microsoft.EntityFrameworkCore;

namespace Platform.Core.Data;

/// <summary>
/// Runs a few short reads with PostgreSQL's parallel workers off (<c>SET LOCAL max_parallel_workers_per_gather = 0</c>,
/// in the caller's transaction or one of its own). A page read over tens of thousands of index entries is costed high
/// enough for a parallel plan, but on a small machine starting the workers takes longer (tens of ms, measured in the
/// ledger benchmark) than the scan they share.
/// </summary>
public static class SerialReads
{
    public static async Task<T> RunAsync<T>(PlatformDbContext db, Func<Task<T>> reads, CancellationToken cancellationToken)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", cancellationToken);
        var result = await reads();
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return result;
    }
}
