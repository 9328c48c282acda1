using Npgsql;

namespace Platform.Bench.Subscriptions;

/// <summary>
/// Seeds one size in bulk with INSERT … SELECT generate_series (as the cluster's superuser, which row level security
/// does not apply to): <c>tenants</c> stores, each with a bot and a plan, and <c>total</c> memberships spread evenly
/// over them, each with its own customer. <c>due</c> of them are due now — half for a reminder (period ends in two
/// days), half for expiry (lapsed a day past the grace) — every due row in a different tenant when due ≤ tenants,
/// the most tenant jobs a due count can cause. Of the rest, one in five is long expired (outside both partial
/// indexes' due ranges) and the others renew 4–28 days from now. Ids are md5-derived uuids: random order, like v4.
/// </summary>
internal static class Seeder
{
    public static async Task SeedAsync(string superuserConnectionString, int tenants, int total, int due, DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(superuserConnectionString);
        await connection.OpenAsync();
        var perTenant = Math.Max(1, total / tenants);
        var step = Math.Max(1, total / Math.Max(1, due));
        await ExecuteAsync(connection, """
            INSERT INTO "Tenants" ("Id", "Slug", "Name", "Status", "CreatedAt")
            SELECT md5('t' || t)::uuid, 'bench-' || t, 'Bench store ' || t, 'Active', $1 FROM generate_series(0, $2 - 1) t;
            """, now, tenants);
        await ExecuteAsync(connection, """
            INSERT INTO "Bots" ("Id", "TenantId", "TelegramBotId", "Username", "TokenCiphertext", "WebhookSecretCiphertext", "Status", "CreatedAt")
            SELECT md5('b' || t)::uuid, md5('t' || t)::uuid, 5000000 + t, 'bench_' || t || '_bot', '-', '-', 'Active', $1
            FROM generate_series(0, $2 - 1) t;
            """, now, tenants);
        await ExecuteAsync(connection, """
            INSERT INTO "Products" ("Id", "TenantId", "Kind", "Title", "Description", "PriceStars", "State", "SortOrder", "DownloadLimit",
                "CreatedAt", "UpdatedAt")
            SELECT md5('p' || t)::uuid, md5('t' || t)::uuid, 'Subscription', 'Club ' || t, '', 250, 'Published', 0, 5, $1, $1
            FROM generate_series(0, $2 - 1) t;
            """, now, tenants);
        await ExecuteAsync(connection, """
            INSERT INTO "Customers" ("Id", "TenantId", "TelegramUserId", "CreatedAt", "LastSeenAt")
            SELECT md5('c' || i)::uuid, md5('t' || (i / $3))::uuid, 1000000 + i, $1, $1 FROM generate_series(0, $2 - 1) i;
            """, now, total, perTenant);
        // kind: 0 reminder due, 1 expiry due, 2 long expired, 3 renewing later.
        await ExecuteAsync(connection, """
            INSERT INTO "Subscriptions" ("Id", "TenantId", "PlanId", "CustomerId", "BotId", "TelegramUserId", "Status", "Source", "PriceStars",
                "TelegramChargeId", "PeriodEnd", "AccessEndsAt", "RemindAt", "RemindedForPeriodEnd", "ExpiredAt", "CreatedAt", "UpdatedAt")
            SELECT md5('s' || i)::uuid, md5('t' || t)::uuid, md5('p' || t)::uuid, md5('c' || i)::uuid, md5('b' || t)::uuid, 1000000 + i,
                CASE WHEN kind = 2 THEN 'Expired' ELSE 'Active' END, 'Stars', 250, 'charge-' || i,
                period_end,
                period_end + interval '1 day',
                CASE WHEN kind IN (0, 3) THEN period_end - interval '3 days' END,
                CASE WHEN kind IN (1, 2) THEN period_end END,
                CASE WHEN kind = 2 THEN period_end + interval '1 day' END,
                period_end - interval '30 days', $1
            FROM (
                SELECT i, i / $3 AS t, k.kind,
                    $1 + CASE k.kind WHEN 0 THEN interval '2 days' WHEN 1 THEN interval '-2 days' WHEN 2 THEN interval '-60 days'
                        ELSE interval '4 days' + (i % 24) * interval '1 day' + (i % 1440) * interval '1 minute' END AS period_end
                FROM generate_series(0, $2 - 1) i,
                LATERAL (SELECT CASE WHEN i % $4 = 0 AND (i / $4) < $5 THEN ((i / $4) % 2)::int WHEN i % 5 = 1 THEN 2 ELSE 3 END AS kind) k
            ) rows;
            """, now, total, perTenant, step, due);
        await ExecuteAsync(connection, "VACUUM ANALYZE");
    }

    /// <summary>
    /// Puts the seeded due rows back to due after a sweep: the lapsed ones (period ended two days before the seed) active
    /// again, the reminded ones (period ends after the seed) owed their reminder again. Nothing else changes.
    /// </summary>
    public static async Task ResetDueAsync(string superuserConnectionString, DateTimeOffset seededAt)
    {
        await using var connection = new NpgsqlConnection(superuserConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            UPDATE "Subscriptions" SET "Status" = 'Active', "ExpiredAt" = NULL
            WHERE "Status" = 'Expired' AND "PeriodEnd" > $1 - interval '10 days';
            """, seededAt);
        await ExecuteAsync(connection, """
            UPDATE "Subscriptions" SET "RemindAt" = "PeriodEnd" - interval '3 days', "RemindedForPeriodEnd" = NULL
            WHERE "RemindAt" IS NULL AND "Status" = 'Active' AND "RemindedForPeriodEnd" = "PeriodEnd" AND "PeriodEnd" > $1;
            """, seededAt);
        await ExecuteAsync(connection, """VACUUM ANALYZE "Subscriptions" """);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
