using Npgsql;

namespace Platform.Bench.Ledger;

/// <summary>
/// Seeds the ledger in bulk with INSERT … SELECT generate_series as the cluster's superuser (row level security, which
/// binds even the tables' owner, would otherwise need one statement per store; the append-only trigger only refuses
/// UPDATE and DELETE). Store t has one bot; the five largest stores hold 100,000, 85,000, 70,000, 60,000 and 50,000
/// rows, every other store 1–127 (mean 64): most stores are small. Rows spread over the last 365 days, so about 6 %
/// of the credits are still on hold; per 50 rows: 42 payments, 4 renewals, 1 other income (held), 2 refunds and one
/// withdrawal (debits).
/// </summary>
internal static class LedgerSeeder
{
    public static readonly int[] Large = [100_000, 85_000, 70_000, 60_000, 50_000];

    public static async Task<long> SeedAsync(string superuserConnectionString, int tenants, DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(superuserConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            INSERT INTO "Tenants" ("Id", "Slug", "Name", "Status", "CreatedAt")
            SELECT md5('t' || t)::uuid, 'bench-' || t, 'Bench store ' || t, 'Active', $1 FROM generate_series(0, $2 - 1) t;
            """, now, tenants);
        await ExecuteAsync(connection, """
            INSERT INTO "Bots" ("Id", "TenantId", "TelegramBotId", "Username", "TokenCiphertext", "WebhookSecretCiphertext", "Status", "CreatedAt")
            SELECT md5('b' || t)::uuid, md5('t' || t)::uuid, 5000000 + t, 'bench_' || t || '_bot', '-', '-', 'Active', $1
            FROM generate_series(0, $2 - 1) t;
            """, now, tenants);
        var sizes = string.Join(" ", Large.Select((n, i) => $"WHEN {i} THEN {n}"));
        await ExecuteAsync(connection, $"""
            CREATE TEMP TABLE sizes AS
            SELECT t, md5('t' || t)::uuid AS tenant, md5('b' || t)::uuid AS bot, CASE t {sizes} ELSE 1 + (t * 7919) % 127 END AS n
            FROM generate_series(0, $1 - 1) t;
            """, tenants);
        return await InsertRowsAsync(connection, "SELECT tenant, bot, t, n FROM sizes", now);
    }

    /// <summary>The seeded stores' ids by their number (bench-{t}).</summary>
    public static async Task<Guid[]> StoreIdsAsync(string superuserConnectionString, int tenants)
    {
        await using var connection = new NpgsqlConnection(superuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT substring("Slug" from 7)::int, "Id" FROM "Tenants" WHERE "Slug" LIKE 'bench-%'""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new Guid[tenants];
        while (await reader.ReadAsync())
        {
            ids[reader.GetInt32(0)] = reader.GetGuid(1);
        }

        return ids;
    }

    /// <summary>Rows for one more store (the web's signed-up one), as many as the largest seeded store holds.</summary>
    public static async Task<long> SeedStoreAsync(string superuserConnectionString, Guid tenantId, DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(superuserConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            INSERT INTO "Bots" ("Id", "TenantId", "TelegramBotId", "Username", "TokenCiphertext", "WebhookSecretCiphertext", "Status", "CreatedAt")
            VALUES (md5('web-bot')::uuid, $1, 4999999, 'bench_web_bot', '-', '-', 'Active', $2);
            """, tenantId, now);
        return await InsertRowsAsync(connection, $"SELECT '{tenantId}'::uuid, md5('web-bot')::uuid, -1, {Large[0]}", now);
    }

    private static async Task<long> InsertRowsAsync(NpgsqlConnection connection, string stores, DateTimeOffset now)
    {
        var rows = await ExecuteAsync(connection, $"""
            INSERT INTO "StarLedger" ("Id", "TenantId", "BotId", "Kind", "Stars", "Nanostars", "At", "ReleasesAt", "Key", "TelegramTransactionId",
                "OrderId", "Note", "RecordedAt")
            SELECT gen_random_uuid(), s.tenant, s.bot, k.kind, k.stars, 0, k.at,
                CASE WHEN k.stars > 0 AND k.kind <> 'WithdrawalReturned' THEN k.at + interval '21 days' ELSE k.at END,
                lower(k.kind) || ':' || s.t || '-' || i, s.t || '-' || i, NULL, NULL, k.at
            FROM ({stores}) AS s(tenant, bot, t, n), generate_series(1, s.n) i,
            LATERAL (SELECT
                CASE WHEN i % 50 IN (0, 1) THEN 'Refund' WHEN i % 50 = 2 THEN 'Withdrawal' WHEN i % 50 = 3 THEN 'OtherIncome'
                    WHEN i % 50 BETWEEN 4 AND 7 THEN 'Renewal' ELSE 'Payment' END AS kind,
                CASE WHEN i % 50 IN (0, 1) THEN -(1 + i % 200) WHEN i % 50 = 2 THEN -(1000 + i % 1000) ELSE 1 + (i * 13) % 500 END AS stars,
                $1 - ((i::bigint * 7907 + s.t * 31) % (365 * 86400)) * interval '1 second' AS at) k;
            """, now);
        await ExecuteAsync(connection, """VACUUM ANALYZE "StarLedger", "Bots", "Tenants" """);
        return rows;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1200 };
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteNonQueryAsync();
    }
}
