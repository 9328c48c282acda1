using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Web.Commands.Scale;

/// <summary>
/// Writes one table's seeded rows with binary COPY as the tables' owner. Row-level security is FORCEd on tenant tables
/// and PostgreSQL refuses COPY FROM where a policy binds the writer, so inside the one transaction of the copy the
/// owner lifts FORCE for that table and sets it again before commit: no other session ever sees the table without it,
/// and a failed copy rolls both back with the rows.
/// </summary>
public sealed class ScaleCopy(string ownerConnectionString, TextWriter progress)
{
    private const int ProgressEvery = 250_000;

    /// <summary>A column of the copy: its name and its PostgreSQL type.</summary>
    public sealed record Column(string Name, NpgsqlDbType Type);

    public async Task<long> CopyAsync(string table, bool rowLevelSecurity, IReadOnlyList<Column> columns, IEnumerable<object?[]> rows,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (rowLevelSecurity)
        {
            await ExecuteAsync(connection, $"""ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY""", cancellationToken);
        }

        long written = 0;
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using (var importer = await connection.BeginBinaryImportAsync($"""COPY "{table}" ({names}) FROM STDIN (FORMAT BINARY)""", cancellationToken))
        {
            importer.Timeout = TimeSpan.FromHours(1); // the server finishes the indexes of a million rows before it answers
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < columns.Count; i++)
                {
                    if (row[i] is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(row[i], columns[i].Type, cancellationToken);
                    }
                }

                if (++written % ProgressEvery == 0)
                {
                    await progress.WriteLineAsync($"  {table}: {written:N0} rows…");
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        if (rowLevelSecurity)
        {
            await ExecuteAsync(connection, $"""ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY""", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await progress.WriteLineAsync($"{table}: {written:N0} rows in {watch.Elapsed.TotalSeconds:0.0} s");
        return written;
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, sql, cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
