using Microsoft.Extensions.Logging;
using Platform.Core.Data;
using Platform.Core.Ledger;

namespace Platform.Core.Administration;

/// <summary>
/// Stars on hold and withdrawable platform-wide: <see cref="BalanceRule"/> per bot over every ledger row (one grouped
/// scan, no per-store loop), then summed. That scan grows with the ledger (≈1 s at a million rows), so the dashboard
/// gets it from memory: kept for <see cref="MaxAge"/>, then served stale while one background pass refreshes it; only
/// the first request of a process waits. The ledger is append-only, so summing all rows is exact (checkpoints only
/// save time for one store's reads).
/// </summary>
public sealed class PlatformBalanceCache(BotDataSource dataSource, TimeProvider clock, ILogger<PlatformBalanceCache> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    private const string Sql = """
        SELECT coalesce(sum(w), 0), coalesce(sum(greatest(0, greatest(0, balance) - w)), 0)
        FROM (SELECT greatest(0, coalesce(sum(n) FILTER (WHERE n > 0 AND "ReleasesAt" <= $1), 0) + coalesce(sum(n) FILTER (WHERE n < 0), 0)) AS w,
                     sum(n) AS balance
              FROM (SELECT "BotId", "ReleasesAt", "Stars" * 1000000000 + "Nanostars" AS n FROM "StarLedger" WHERE "At" <= $1) r
              GROUP BY "BotId") b
        """;

    private readonly Lock gate = new();
    private PlatformBalance? current;
    private Task<PlatformBalance>? refreshing;

    /// <summary>The cached figure; computed now when there is none, refreshed in the background when older than <see cref="MaxAge"/>.</summary>
    public async Task<PlatformBalance> GetAsync(CancellationToken cancellationToken)
    {
        Task<PlatformBalance> pass;
        lock (gate)
        {
            if (current is { } fresh && clock.GetUtcNow() - fresh.ComputedAt < MaxAge)
            {
                return fresh;
            }

            pass = refreshing ??= Task.Run(RefreshAsync, CancellationToken.None);
            if (current is { } stale)
            {
                return stale;
            }
        }

        return await pass.WaitAsync(cancellationToken);
    }

    /// <summary>One pass over the ledger at this instant, uncached.</summary>
    public async Task<PlatformBalance> ComputeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new Npgsql.NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { TenantSession.Set(null, crossTenant: true, transactionLocal: true), new Npgsql.NpgsqlBatchCommand(Sql) },
        };
        batch.BatchCommands[1].Parameters.AddPositional(now);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        const decimal nanostars = LedgerAmount.NanostarsPerStar;
        return new PlatformBalance(reader.GetDecimal(1) / nanostars, reader.GetDecimal(0) / nanostars, now);
    }

    private async Task<PlatformBalance> RefreshAsync()
    {
        try
        {
            var balance = await ComputeAsync(CancellationToken.None);
            lock (gate)
            {
                current = balance;
            }

            return balance;
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            logger.LogWarning(exception, "The platform's Stars on hold could not be summed");
            throw;
        }
        finally
        {
            lock (gate)
            {
                refreshing = null;
            }
        }
    }
}
