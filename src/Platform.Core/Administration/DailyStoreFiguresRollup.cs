using Npgsql;
using Platform.Core.Data;

namespace Platform.Core.Administration;

/// <summary>
/// Rebuilds <see cref="DailyStoreFigures"/> for a range of UTC days from the Stars ledger, every store at once, in one
/// transaction (the old rows of those days go, the new ones come, no reader sees a half). The ledger is append-only and
/// its payments and refunds are dated when they are written, so rebuilding today and yesterday keeps the figures true;
/// a full rebuild (e.g. after seeding) passes the whole range. Reads the ledger with the explicit cross-tenant setting.
/// </summary>
public sealed class DailyStoreFiguresRollup(BotDataSource dataSource, TimeProvider clock)
{
    private const string RebuildSql = """
        DELETE FROM "DailyStoreFigures" WHERE "Day" BETWEEN $1 AND $2;
        INSERT INTO "DailyStoreFigures" ("TenantId", "Day", "Sales", "GrossStars", "Refunds", "RefundedStars", "LastSaleAt", "ComputedAt")
        SELECT "TenantId", ("At" AT TIME ZONE 'UTC')::date,
               count(*) FILTER (WHERE "Kind" IN ('Payment', 'Renewal'))::int,
               coalesce(sum("Stars") FILTER (WHERE "Kind" IN ('Payment', 'Renewal')), 0),
               count(*) FILTER (WHERE "Kind" = 'Refund')::int,
               coalesce(-sum("Stars") FILTER (WHERE "Kind" = 'Refund'), 0),
               max("At") FILTER (WHERE "Kind" IN ('Payment', 'Renewal')),
               $3
        FROM "StarLedger"
        WHERE "At" >= ($1::date)::timestamp AT TIME ZONE 'UTC' AND "At" < (($2::date) + 1)::timestamp AT TIME ZONE 'UTC'
          AND "Kind" IN ('Payment', 'Renewal', 'Refund')
        GROUP BY 1, 2;
        """;

    /// <summary>Rebuilds the days from <paramref name="from"/> to <paramref name="to"/> inclusive; returns the rows written.</summary>
    public async Task<int> RebuildAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { TenantSession.Set(null, crossTenant: true, transactionLocal: true) },
        };
        foreach (var statement in RebuildSql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var command = new NpgsqlBatchCommand(statement);
            command.Parameters.AddPositional(from, to);
            if (statement.Contains("$3", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
            }

            batch.BatchCommands.Add(command);
        }

        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        var written = batch.BatchCommands[^1].RecordsAffected;
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>The recurring pass: today and yesterday (UTC), where new payments and refunds land.</summary>
    public Task<int> RebuildRecentAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return RebuildAsync(today.AddDays(-1), today, cancellationToken);
    }
}
