extern alias Sandbox;
using Npgsql;
using Sandbox::Platform.TelegramSandbox.Control.Client;

namespace Platform.Bench.Reconciliation;

/// <summary>
/// Seeds the benchmark: one store per bot with its sandbox bot (token encrypted as registration stores it), and on each
/// bot the transactions of a busy hour — buyers' invoice payments the platform recorded (their ledger credits inserted in
/// bulk as the superuser, as the payment path would have), paid media income, an ads spend and a pending withdrawal;
/// then, for the second pass, the withdrawal succeeds and a few more payments and an affiliate commission arrive.
/// </summary>
internal sealed class Seeder(string superuserConnectionString, SandboxControlClient telegram, int payments)
{
    public const int StarsPerPayment = 10;

    /// <summary>New Telegram transactions per bot in the first hour: payments, three paid media, one ads spend, one withdrawal.</summary>
    public int FirstHour => payments + 5;

    /// <summary>New ones in the second hour (four payments, one commission); the pending withdrawal is read again too.</summary>
    public const int SecondHour = 5;

    public async Task SeedStoresAsync(IReadOnlyList<BenchBot> bots, DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(superuserConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            INSERT INTO "Tenants" ("Id", "Slug", "Name", "Status", "CreatedAt")
            SELECT t, 'bench-' || i, 'Bench store ' || i, 'Active', $1 FROM unnest($2::uuid[]) WITH ORDINALITY AS x(t, i);
            """, now, bots.Select(b => b.TenantId).ToArray());
        await ExecuteAsync(connection, """
            INSERT INTO "Bots" ("Id", "TenantId", "TelegramBotId", "Username", "TokenCiphertext", "WebhookSecretCiphertext", "Status", "CreatedAt")
            SELECT b, t, tg, u, c, '-', 'Active', $1 FROM unnest($2::uuid[], $3::uuid[], $4::bigint[], $5::text[], $6::text[]) AS x(b, t, tg, u, c);
            """, now, bots.Select(b => b.BotId).ToArray(), bots.Select(b => b.TenantId).ToArray(), bots.Select(b => b.TelegramBotId).ToArray(),
            bots.Select(b => b.Username).ToArray(), bots.Select(b => b.TokenCiphertext).ToArray());
    }

    public async Task FirstHourAsync(IReadOnlyList<BenchBot> bots, DateTimeOffset now)
    {
        await Parallel.ForEachAsync(bots, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (bot, ct) =>
        {
            for (var i = 0; i < payments; i++)
            {
                await telegram.AddStarTransactionAsync(bot.TelegramBotId, "invoice_payment", StarsPerPayment, id: ChargeId(bot, i), ct: ct);
            }

            for (var i = 0; i < 3; i++)
            {
                await telegram.AddStarTransactionAsync(bot.TelegramBotId, "paid_media_payment", 7, ct: ct);
            }

            await telegram.AddStarTransactionAsync(bot.TelegramBotId, "telegram_ads", 5, ct: ct);
            bot.WithdrawalId = await telegram.RecordWithdrawalAsync(bot.TelegramBotId, 100, "pending", ct: ct);
        });
        await CreditAsync(bots, 0, payments, now);
    }

    public async Task SecondHourAsync(IReadOnlyList<BenchBot> bots, DateTimeOffset now)
    {
        await Parallel.ForEachAsync(bots, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (bot, ct) =>
        {
            await telegram.SetWithdrawalStateAsync(bot.TelegramBotId, bot.WithdrawalId!, "succeeded", ct: ct);
            for (var i = payments; i < payments + 4; i++)
            {
                await telegram.AddStarTransactionAsync(bot.TelegramBotId, "invoice_payment", StarsPerPayment, id: ChargeId(bot, i), ct: ct);
            }

            await telegram.AddStarTransactionAsync(bot.TelegramBotId, "affiliate_program", 1, nanostarAmount: 500_000_000, ct: ct);
        });
        await CreditAsync(bots, payments, payments + 4, now);
    }

    private static string ChargeId(BenchBot bot, int i) => $"bench-{bot.TelegramBotId}-{i}";

    /// <summary>The ledger credits the payment path wrote for payments [from, to) of every bot.</summary>
    private async Task CreditAsync(IReadOnlyList<BenchBot> bots, int from, int to, DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(superuserConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, """
            INSERT INTO "StarLedger" ("Id", "TenantId", "BotId", "Kind", "Stars", "Nanostars", "At", "ReleasesAt", "Key", "TelegramTransactionId", "RecordedAt")
            SELECT gen_random_uuid(), t, b, 'Payment', $1, 0, $2, $2 + interval '21 days', 'payment:bench-' || tg || '-' || i, 'bench-' || tg || '-' || i, $2
            FROM unnest($3::uuid[], $4::uuid[], $5::bigint[]) AS x(b, t, tg), generate_series($6, $7 - 1) i;
            """, StarsPerPayment, now, bots.Select(b => b.BotId).ToArray(), bots.Select(b => b.TenantId).ToArray(),
            bots.Select(b => b.TelegramBotId).ToArray(), from, to);
        await ExecuteAsync(connection, "ANALYZE");
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
