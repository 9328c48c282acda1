using System.Text;
using Npgsql;

namespace Platform.LocalPostgres;

/// <summary>
/// Shows the plans PostgreSQL chose for the statements EF Core sends inside <c>run</c>, without copying its SQL (for the
/// benchmarks): auto_explain (ANALYZE, BUFFERS) is switched on for the database around <c>run</c>, then the server log's
/// plans that touch <c>table</c> are returned. Pools are cleared before and after, so only connections opened inside are traced.
/// </summary>
public static class PlanSampler
{
    public static async Task<string> SampleAsync(LocalPostgresCluster cluster, string database, string table, Func<Task> run)
    {
        await SetAsync(cluster, $"""
            ALTER DATABASE "{database}" SET session_preload_libraries = 'auto_explain';
            ALTER DATABASE "{database}" SET auto_explain.log_min_duration = 0;
            ALTER DATABASE "{database}" SET auto_explain.log_analyze = on;
            ALTER DATABASE "{database}" SET auto_explain.log_buffers = on;
            ALTER DATABASE "{database}" SET auto_explain.log_timing = on;
            """);
        NpgsqlConnection.ClearAllPools();
        var offset = new FileInfo(cluster.LogFile).Length;
        try
        {
            await run();
        }
        finally
        {
            await SetAsync(cluster, $"""ALTER DATABASE "{database}" RESET ALL""");
            NpgsqlConnection.ClearAllPools();
        }

        await Task.Delay(500); // the logger process writes asynchronously
        string text;
        await using (var log = new FileStream(cluster.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            log.Seek(offset, SeekOrigin.Begin);
            text = await new StreamReader(log).ReadToEndAsync();
        }

        var blocks = new List<StringBuilder>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Contains("plan:", StringComparison.Ordinal))
            {
                blocks.Add(new StringBuilder());
            }
            else if (blocks.Count > 0 && line.StartsWith('\t'))
            {
                blocks[^1].AppendLine(line.TrimEnd());
            }
        }

        return string.Join("\n", blocks.Select(b => b.ToString()).Where(b => b.Contains($"\"{table}\"", StringComparison.Ordinal)).Distinct()).Trim();
    }

    private static async Task SetAsync(LocalPostgresCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.SuperuserConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
