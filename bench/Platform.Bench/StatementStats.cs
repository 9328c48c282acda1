using System.Globalization;
using System.Text;
using Npgsql;

namespace Platform.Bench;

/// <summary>
/// BENCH_PG_STATEMENTS=1: pg_stat_statements on the bench cluster, reset before the (c) burst and its top statements by
/// execution time printed after it — where PostgreSQL's share of a purchase goes. Off by default (it costs a little).
/// </summary>
internal static class StatementStats
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("BENCH_PG_STATEMENTS") == "1";

    public static async Task ResetAsync(string superuserConnection)
    {
        if (!Enabled) return;
        await using var connection = new NpgsqlConnection(superuserConnection);
        await connection.OpenAsync();
        await new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection).ExecuteNonQueryAsync();
    }

    public static async Task<string> ReportAsync(string superuserConnection, int purchases)
    {
        if (!Enabled) return "";
        await using var connection = new NpgsqlConnection(superuserConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT calls, plans, total_exec_time, total_plan_time, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
            FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 30
            """, connection);
        var text = new StringBuilder(
            $"- pg_stat_statements over the burst (ms per purchase = total / {purchases}):\n\n| calls | plans | exec ms | plan ms | rows | statement " +
            $"|\n|---|---|---|---|---|---|\n");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {reader.GetInt64(0)} | {reader.GetInt64(1)} | {reader.GetDouble(2):F1} | {reader.GetDouble(3):F1} | {reader.GetInt64(4)} | " +
                $"`{reader.GetString(5).Replace("|", "\\|")}` |");
        }

        return text.ToString();
    }
}
