using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Core.Administration;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Ledger;

namespace Platform.Tests.Admin;

/// <summary>
/// Seeding for the dashboard tests: stores with a bot, and rows of other modules (subscriptions, webhook deliveries and
/// attempts, endpoints) written with plain SQL as the superuser with foreign-key triggers off, since the figures read
/// only the columns these rows carry and building each through its module would need a whole buyer's path.
/// </summary>
internal static class DashboardTestData
{
    public static async Task<(TenantInfo Tenant, Bot Bot)> StoreWithBotAsync(LedgerAppFactory app, string name, string botUsername,
        BotStatus status = BotStatus.Active, string? lastError = null)
    {
        var (tenant, _) = await app.NewStoreAsync(name);
        var bot = await app.NewBotAsync(tenant, botUsername);
        if (status != BotStatus.Active || lastError is not null)
        {
            await SqlAsync(app, """UPDATE "Bots" SET "Status" = $1, "LastError" = $2 WHERE "Id" = $3""", status.ToString(), lastError, bot.Id);
        }

        return (tenant, bot);
    }

    /// <summary>Runs <paramref name="sql"/> on the test's database as the superuser (no row-level security, no FK triggers).</summary>
    public static async Task SqlAsync(PlatformAppFactory app, string sql, params object?[] values)
    {
        var builder = new NpgsqlConnectionStringBuilder(await TestPostgres.Instance.SuperuserConnectionStringAsync()) { Database = app.Database.Name };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddPositional(values);
        await command.ExecuteNonQueryAsync();
    }

    public static Task SubscriptionAsync(PlatformAppFactory app, TenantInfo tenant, Guid botId, string status, int priceStars, DateTimeOffset now) =>
        SqlAsync(app, """
            INSERT INTO "Subscriptions" ("Id", "TenantId", "PlanId", "CustomerId", "BotId", "TelegramUserId", "Status", "Source", "PriceStars",
                "PeriodEnd", "AccessEndsAt", "CreatedAt", "UpdatedAt")
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'Stars', $8, $9, $9, $10, $10)
            """, Guid.NewGuid(), tenant.Id, Guid.NewGuid(), Guid.NewGuid(), botId, Random.Shared.NextInt64(1, long.MaxValue), status, priceStars,
            now.AddDays(20), now);

    public static async Task<Guid> EndpointAsync(PlatformAppFactory app, TenantInfo tenant, DateTimeOffset? failingSince, DateTimeOffset now)
    {
        var id = Guid.NewGuid();
        await SqlAsync(app, """
            INSERT INTO "WebhookEndpoints" ("Id", "TenantId", "Url", "Description", "EventTypes", "Enabled", "ProtectedSecret", "CreatedAt",
                "DisabledAutomatically", "FailingSince")
            VALUES ($1, $2, 'https://example.test/hook', '', ARRAY['order.paid'], true, 'x', $3, false, $4)
            """, id, tenant.Id, now, failingSince);
        return id;
    }

    /// <summary>A delivery in <paramref name="status"/> after <paramref name="attempts"/> tries, with one attempt row per status code given.</summary>
    public static async Task DeliveryAsync(PlatformAppFactory app, TenantInfo tenant, Guid endpointId, int status, int attempts,
        params (int? StatusCode, DateTimeOffset At)[] tries)
    {
        var id = Guid.NewGuid();
        await SqlAsync(app, """
            INSERT INTO "WebhookDeliveries" ("Id", "TenantId", "EndpointId", "EventId", "EventType", "Status", "AttemptCount", "CreatedAt")
            VALUES ($1, $2, $3, $4, 'order.paid', $5, $6, now())
            """, id, tenant.Id, endpointId, Guid.NewGuid(), status, attempts);
        foreach (var (code, at) in tries)
        {
            await SqlAsync(app, """
                INSERT INTO "WebhookAttempts" ("Id", "TenantId", "DeliveryId", "EndpointId", "AttemptedAt", "StatusCode", "LatencyMs")
                VALUES ($1, $2, $3, $4, $5, $6, 10)
                """, Guid.NewGuid(), tenant.Id, id, endpointId, at, code);
        }
    }

    /// <summary>The rollup's rows, ComputedAt left out, in key order.</summary>
    public static async Task<List<string>> FiguresRowsAsync(PlatformAppFactory app)
    {
        await using var reader = app.Services.GetRequiredService<CrossTenantReaderFactory>().CreateReader();
        var rows = await reader.DailyStoreFigures.OrderBy(f => f.TenantId).ThenBy(f => f.Day).ToListAsync();
        return [.. rows.Select(f => $"{f.TenantId} {f.Day:yyyy-MM-dd} {f.Sales} {f.GrossStars} {f.Refunds} {f.RefundedStars} {f.LastSaleAt:O}")];
    }
}
