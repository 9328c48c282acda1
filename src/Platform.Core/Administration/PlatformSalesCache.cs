using System.Collections.Concurrent;
using System.Text.Json;
using Npgsql;
using Platform.Core.Data;

namespace Platform.Core.Administration;

/// <summary>
/// Grouping a period's <see cref="DailyStoreFigures"/> rows is the dashboard's costliest read (30 days × 10,000 stores
/// is up to 300,000 rows, ≈0.3–0.5 s), and those rows change only when the minute rollup rewrites them. So the rollup
/// job groups each period right after its pass and stores the sums (<see cref="PrecomputeAsync"/>, one
/// <see cref="PlatformSalesSnapshot"/> row per period), and each process keeps them in memory with the pass they came
/// from (its <c>ComputedAt</c>, read cheaply in the dashboard's batch): the same pass → the kept sums; a newer pass →
/// that pass's stored row; no such row (the job has not run, or a day was rebuilt by hand) or sums older than
/// <see cref="MaxAge"/> → grouped here. The figures are never older than the rollup's.
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

        sales = await StoredAsync(from, to, rollupAt, now, cancellationToken) ?? await ReadAsync(from, to, rollupAt, now, cancellationToken);
        foreach (var old in kept.Keys.Where(k => k.To != to))
        {
            kept.TryRemove(old, out _);
        }

        kept[(from, to)] = sales;
        return sales;
    }

    /// <summary>
    /// The rollup job's step after its pass: groups every dashboard period ending <paramref name="today"/> and stores the
    /// sums under that pass; older periods' rows go. A rerun replaces the rows.
    /// </summary>
    public async Task PrecomputeAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var rollupAt = await RollupAtAsync(today, cancellationToken);
        foreach (var period in Enum.GetValues<PlatformFiguresPeriod>())
        {
            var from = PlatformFiguresReader.FirstDay(period, today);
            var sales = await ReadAsync(from, today, rollupAt, clock.GetUtcNow(), cancellationToken);
            var payload = JsonSerializer.Serialize(new Stored([.. sales.Days.Values], [.. sales.TopStores]));
            await using var connection = await dataSource.OpenAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection);
            var upsert = new NpgsqlBatchCommand("""
                INSERT INTO "PlatformSalesSnapshots" ("From", "To", "RollupAt", "Payload", "ComputedAt") VALUES ($1, $2, $3, $4::jsonb, $5)
                ON CONFLICT ("From", "To") DO UPDATE SET "RollupAt" = EXCLUDED."RollupAt", "Payload" = EXCLUDED."Payload",
                    "ComputedAt" = EXCLUDED."ComputedAt"
                """);
            upsert.Parameters.AddPositional(from, today, (object?)rollupAt ?? DBNull.Value, payload, sales.ReadAt);
            var prune = new NpgsqlBatchCommand("""DELETE FROM "PlatformSalesSnapshots" WHERE "To" < $1""");
            prune.Parameters.AddPositional(today);
            batch.BatchCommands.Add(upsert);
            batch.BatchCommands.Add(prune);
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<DateTimeOffset?> RollupAtAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(PlatformFiguresSql.RollupAt, connection);
        command.Parameters.AddPositional(today.AddDays(-1));
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DateTime or DateTimeOffset ? value switch
        {
            DateTimeOffset offset => offset,
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            _ => null,
        } : null;
    }

    private async Task<PlatformSales?> StoredAsync(DateOnly from, DateOnly to, DateTimeOffset? rollupAt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """SELECT "RollupAt", "Payload"::text, "ComputedAt" FROM "PlatformSalesSnapshots" WHERE "From" = $1 AND "To" = $2""", connection);
        command.Parameters.AddPositional(from, to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var storedAt = reader.IsDBNull(0) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(0);
        var computedAt = reader.GetFieldValue<DateTimeOffset>(2);
        if (storedAt != rollupAt || now - computedAt >= MaxAge || JsonSerializer.Deserialize<Stored>(reader.GetString(1)) is not { } stored)
        {
            return null;
        }

        return new PlatformSales(stored.Days.ToDictionary(d => d.Day), stored.TopStores, rollupAt, computedAt);
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

    /// <summary>The stored JSON shape of a period's sums.</summary>
    private sealed record Stored(List<PlatformFiguresDay> Days, List<PlatformFiguresStore> TopStores);
}
