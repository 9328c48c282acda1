using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Platform.Core.Administration;
using Platform.Core.Identity;

namespace Platform.Web.Commands.Scale;

/// <summary>
/// Fills a migrated database with a platform-sized data set for the admin area's benchmark and for trying the admin
/// pages at scale (<c>seed-scale</c>): stores, owners, bots, products, customers, orders with their ledger rows,
/// subscriptions and webhook traffic, then the daily figures rebuilt over the whole period. Binary COPY as the tables'
/// owner, table by table. Refuses a database that already holds the seeded stores (the first store's slug is the marker).
/// </summary>
public sealed class ScaleSeeder(DailyStoreFiguresRollup rollup, TimeProvider clock)
{
    /// <summary>Every seeded owner's password (owner{n}@scale.test).</summary>
    public const string OwnerPassword = "scale-owner-password";

    private static readonly string[] Analyzed =
    [
        "Tenants", "AspNetUsers", "Memberships", "Bots", "Products", "SubscriptionPlans", "Customers", "Orders", "StarLedger", "Subscriptions",
        "WebhookEndpoints", "OutboxEvents", "WebhookDeliveries", "WebhookAttempts", "DailyStoreFigures",
    ];

    public async Task<ScaleSeedResult> SeedAsync(string ownerConnectionString, ScaleSeedOptions options, TextWriter progress, CancellationToken ct)
    {
        if (await IsSeededAsync(ownerConnectionString, ct))
        {
            throw new InvalidOperationException($"This database is already seeded (store '{ScaleShape.Slug(0)}' exists); seed-scale runs once per database.");
        }

        var total = Stopwatch.StartNew();
        var shape = new ScaleShape(options, clock.GetUtcNow());
        var copy = new ScaleCopy(ownerConnectionString, progress);
        var hash = new PasswordHasher<PlatformUser>().HashPassword(new PlatformUser(), OwnerPassword);
        await progress.WriteLineAsync($"Seeding {options.Tenants:N0} stores and {options.Orders:N0} orders over {options.Days} days…");
        var rows = await new ScaleStores(shape, copy, hash).WriteAsync(ct);
        rows += await new ScaleOrders(shape, copy).WriteAsync(ct);
        rows += await new ScaleWebhooks(shape, copy).WriteAsync(ct);

        var watch = Stopwatch.StartNew();
        var today = DateOnly.FromDateTime(shape.Now.UtcDateTime);
        var figures = await rollup.RebuildAsync(today.AddDays(-options.Days - 1), today, ct);
        await progress.WriteLineAsync($"DailyStoreFigures: {figures:N0} rows rebuilt in {watch.Elapsed.TotalSeconds:0.0} s");
        watch.Restart();
        await copy.ExecuteAsync("ANALYZE " + string.Join(", ", Analyzed.Select(t => $"\"{t}\"")), ct);
        await progress.WriteLineAsync($"ANALYZE in {watch.Elapsed.TotalSeconds:0.0} s");
        await progress.WriteLineAsync($"Seeded {rows + figures:N0} rows in {total.Elapsed.TotalSeconds:0.0} s.");
        return new ScaleSeedResult(rows + figures, total.Elapsed);
    }

    public static async Task<bool> IsSeededAsync(string ownerConnectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""SELECT EXISTS (SELECT 1 FROM "Tenants" WHERE "Slug" = $1)""", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ScaleShape.Slug(0) });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
