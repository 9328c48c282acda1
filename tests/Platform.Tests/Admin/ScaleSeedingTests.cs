using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Tests.Portal;
using Platform.Web.Commands.Scale;

namespace Platform.Tests.Admin;

public sealed class ScaleSeedingTests(ScaleSeedingFixture app) : IClassFixture<ScaleSeedingFixture>
{
    [Fact]
    public async Task Seeding_writes_the_asked_numbers_of_stores_owners_and_orders_and_reports_its_progress()
    {
        Assert.Equal(20L, await ScalarAsync("""SELECT count(*) FROM "Tenants" WHERE "Slug" LIKE 'scale-%'"""));
        Assert.Equal(20L, await ScalarAsync("""SELECT count(*) FROM "AspNetUsers" WHERE "Email" LIKE 'owner%@scale.test'"""));
        Assert.Equal(20L, await ScalarAsync("""
            SELECT count(*) FROM "Memberships" WHERE "Role" = 'Owner' AND "TenantId" IN (SELECT "Id" FROM "Tenants" WHERE "Slug" LIKE 'scale-%')
            """));
        Assert.Equal(500L, await ScalarAsync("""SELECT count(*) FROM "Orders" """));
        Assert.Equal(0L, await ScalarAsync("""SELECT count(*) FROM "Bots" WHERE "Status" <> 'Broken'"""));
        Assert.True(await ScalarAsync("""SELECT count(*) FROM "Subscriptions" """) > 0);
        Assert.True(await ScalarAsync("""SELECT count(*) FROM "WebhookDeliveries" WHERE "Status" = 0""") == 0);
        Assert.True(await ScalarAsync("""SELECT count(*) FROM "WebhookAttempts" """) > 0);
        var largest = await ScalarAsync("""SELECT max(c) FROM (SELECT count(*) c FROM "Orders" GROUP BY "TenantId") s""");
        Assert.True(largest >= 100, $"The largest store holds a large share (it has {largest} of 500 orders).");
        Assert.Contains("Orders: 500 rows", app.Progress);
    }

    [Fact]
    public async Task Every_paid_order_has_its_payment_row_and_every_refunded_order_its_refund_row_in_the_ledger()
    {
        Assert.Equal(await ScalarAsync("""SELECT count(*) FROM "Orders" WHERE "PaidAt" IS NOT NULL"""),
            await ScalarAsync("""SELECT count(*) FROM "StarLedger" WHERE "Kind" = 'Payment'"""));
        Assert.Equal(await ScalarAsync("""SELECT count(*) FROM "Orders" WHERE "Status" = 'Refunded'"""),
            await ScalarAsync("""SELECT count(*) FROM "StarLedger" WHERE "Kind" = 'Refund'"""));
        Assert.True(await ScalarAsync("""SELECT count(*) FROM "Orders" WHERE "Status" = 'Refunded'""") > 0);
        Assert.Equal(0L, await ScalarAsync("""
            SELECT count(*) FROM "Orders" o WHERE o."PaidAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "StarLedger" l
                WHERE l."TenantId" = o."TenantId" AND l."BotId" = o."BotId" AND l."Key" = 'payment:' || o."TelegramPaymentChargeId"
                  AND l."OrderId" = o."Id" AND l."Stars" = o."PriceStars" AND l."At" = o."PaidAt" AND l."ReleasesAt" = o."PaidAt" + interval '21 days')
            """));
        Assert.Equal(0L, await ScalarAsync("""
            SELECT count(*) FROM "Orders" o WHERE o."Status" = 'Refunded' AND NOT EXISTS (SELECT 1 FROM "StarLedger" l
                WHERE l."TenantId" = o."TenantId" AND l."Key" = 'refund:' || o."TelegramPaymentChargeId" AND l."Stars" = -o."PriceStars")
            """));
    }

    [Fact]
    public async Task The_daily_figures_add_up_to_the_ledger()
    {
        Assert.Equal(await ScalarAsync("""SELECT sum("Stars") FROM "StarLedger" WHERE "Kind" IN ('Payment', 'Renewal')"""),
            await ScalarAsync("""SELECT sum("GrossStars") FROM "DailyStoreFigures" """));
        Assert.Equal(await ScalarAsync("""SELECT count(*) FROM "StarLedger" WHERE "Kind" IN ('Payment', 'Renewal')"""),
            await ScalarAsync("""SELECT sum("Sales") FROM "DailyStoreFigures" """));
        Assert.Equal(await ScalarAsync("""SELECT -sum("Stars") FROM "StarLedger" WHERE "Kind" = 'Refund'"""),
            await ScalarAsync("""SELECT sum("RefundedStars") FROM "DailyStoreFigures" """));
        Assert.Equal(await ScalarAsync("""SELECT count(*) FROM "StarLedger" WHERE "Kind" = 'Refund'"""),
            await ScalarAsync("""SELECT sum("Refunds") FROM "DailyStoreFigures" """));
    }

    [Fact]
    public async Task A_second_run_on_the_seeded_database_is_refused_and_writes_nothing()
    {
        var before = await ScalarAsync("""SELECT count(*) FROM "Orders" """);
        var seeder = ActivatorUtilities.CreateInstance<ScaleSeeder>(app.Services);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            seeder.SeedAsync(app.Database.OwnerConnectionString, ScaleSeedingFixture.Size, TextWriter.Null, CancellationToken.None));
        Assert.Contains("already seeded", refused.Message);
        Assert.Equal(before, await ScalarAsync("""SELECT count(*) FROM "Orders" """));
    }

    [Fact]
    public async Task The_row_level_security_of_the_seeded_tables_is_forced_again_after_seeding()
    {
        Assert.Equal(0L, await ScalarAsync("""
            SELECT count(*) FROM pg_class WHERE relname IN ('Orders', 'StarLedger', 'Bots', 'Customers', 'WebhookDeliveries') AND NOT relforcerowsecurity
            """));
    }

    [Fact]
    public async Task A_seeded_owner_signs_in_and_sees_the_stores_portal_pages_while_its_placeholder_bot_tokens_stay_untouched()
    {
        using var owner = new PortalClient(app);
        using var login = await owner.LoginAsync(ScaleShape.OwnerEmail(4), ScaleSeeder.OwnerPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        foreach (var page in new[] { "/stores/scale-4", "/stores/scale-4/bots", "/stores/scale-4/orders", "/stores/scale-4/balance" })
        {
            var (status, document) = await owner.GetAsync(page);
            Assert.True(status == HttpStatusCode.OK, $"GET {page} answered {(int)status}.");
            Assert.Contains(ScaleStores.StoreName(4), document.Body!.TextContent);
        }

        Assert.Equal(0L, await ScalarAsync($"""SELECT count(*) FROM "Bots" WHERE "TokenCiphertext" <> '{ScaleStores.PlaceholderCiphertext}'"""));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using (var cross = new NpgsqlCommand("SELECT set_config('app.cross_tenant', 'on', false)", connection))
        {
            await cross.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
