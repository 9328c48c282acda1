using System.Collections.Concurrent;
using Npgsql;
using Platform.Core.Data;

namespace Platform.Core.Administration;

/// <summary>
/// Grouping a period's <see cref="DailyStoreFigures"/> rows is the dashboard's costliest read (30 days × 10,000 stores
/// is up to 300,000 rows, ≈0.3–0.5 s), and those rows change only when the minute rollup rewrites them. So each
/// period's sums are kept in memory with the rollup pass they came from (its <c>ComputedAt</c>, read cheaply in the
/// dashboard's batch): the same pass → the kept sums; a newer pass, or sums older than <see cref="MaxAge"/> (an
/// older day rebuilt by hand) → grouped again. The figures are never older than the rollup's.
/// </summary>
public sealed class PlatformSalesCache(BotDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(DateOnly From, DateOnly To), PlatformSales> kept = new();

    internal async Task<PlatformSales> GetAsync(DateOnly from, DateOnly to, DateTimeOffset? rollupAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (kept.TryGetValue((from, to), out var sales) && sales.RollupAt == rollupAt && now - sales.ReadAt < MaxAge)
        {
            return sales;
        }

        sales = await ReadAsync(from, to, rollupAt, now, cancellationToken);
        foreach (var old in kept.Keys.Where(k => k.To != to))
        {
            kept.TryRemove(old, out _);
        }

        kept[(from, to)] = sales;
        return sales;
    }

    private async Task<PlatformSales> ReadAsync(DateOnly from, DateOnly to, DateTimeOffset? rollupAt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(TenantSession.Set(null, crossTenant: true, transactionLocal: true));
        foreach (var sql in new[] { PlatformFiguresSql.Days, PlatformFiguresSql.TopStores })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddPositional(from, to);
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var days = new Dictionary<DateOnly, PlatformFiguresDay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var day = reader.GetFieldValue<DateOnly>(0);
            days[day] = new PlatformFiguresDay(day, 0, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        }

        await reader.NextResultAsync(cancellationToken);
        var top = new List<PlatformFiguresStore>();
        while (await reader.ReadAsync(cancellationToken))
        {
            top.Add(new PlatformFiguresStore(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5)));
        }

        return new PlatformSales(days, top, rollupAt, now);
    }
}
