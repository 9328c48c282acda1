using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Core.Data;
using Platform.Core.Ledger;
using Platform.Core.Orders;
using Platform.Tests.Bots;

namespace Platform.Tests.Ledger;

/// <summary>
/// Every write path of the money leaves exactly the ledger rows it should — one credit per charge, one debit per refund,
/// however often it is delivered or recorded — through the real services on real PostgreSQL; and the database itself
/// refuses to change or remove a row.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class LedgerWritesShould(LedgerWritesAppFactory app) : IClassFixture<LedgerWritesAppFactory>
{
    private const long Buyer = 5151;
    private static readonly TimeSpan Hold = TimeSpan.FromDays(21);

    [Fact]
    public async Task Credit_a_paid_file_order_once_on_the_single_statement_path_held_exactly_21_days()
    {
        var s = await LedgerScenario.CreateAsync(app, "LwFile");
        var order = await s.PendingOrderAsync(s.FileProduct, 4, Buyer);
        var at = app.Clock.GetUtcNow();

        Assert.Equal(order, await s.PayAsync(order, "lw-file-1", 4, Buyer));

        var row = Assert.Single(await s.RowsAsync());
        Assert.Equal((StarLedgerKind.Payment, 4L, 0, "payment:lw-file-1", "lw-file-1", (Guid?)order),
            (row.Kind, row.Stars, row.Nanostars, row.Key, row.TelegramTransactionId, row.OrderId));
        Assert.Equal((at, at + Hold), (row.At, row.ReleasesAt));
    }

    [Fact]
    public async Task Credit_a_paid_license_key_order_once_on_the_locked_path()
    {
        var s = await LedgerScenario.CreateAsync(app, "LwKey");
        var order = await s.PendingOrderAsync(s.KeyProduct, 5, Buyer);

        Assert.Equal(order, await s.PayAsync(order, "lw-key-1", 5, Buyer));

        var row = Assert.Single(await s.RowsAsync());
        Assert.Equal((StarLedgerKind.Payment, 5L, "payment:lw-key-1", (Guid?)order), (row.Kind, row.Stars, row.Key, row.OrderId));
        Assert.NotNull(await s.Store.WithDbAsync(db => db.Orders.Where(o => o.Id == order).Select(o => o.LicenseKeyId).SingleAsync()));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("key")]
    public async Task Credit_one_payment_delivered_three_times_once_two_of_them_at_the_same_time(string kind)
    {
        var s = await LedgerScenario.CreateAsync(app, "LwThrice" + kind);
        var order = await s.PendingOrderAsync(kind == "key" ? s.KeyProduct : s.TextProduct, 3, Buyer);

        var results = await Task.WhenAll(s.PayAsync(order, "lw-thrice", 3, Buyer), s.PayAsync(order, "lw-thrice", 3, Buyer));
        results = [.. results, await s.PayAsync(order, "lw-thrice", 3, Buyer)];

        Assert.All(results, r => Assert.Equal(order, r));
        var row = Assert.Single(await s.RowsAsync());
        Assert.Equal((StarLedgerKind.Payment, 3L), (row.Kind, row.Stars));
        Assert.Equal(0, await s.Store.WithDbAsync(db => db.DuplicateCharges.CountAsync()));
    }

    [Fact]
    public async Task Credit_a_plans_first_payment_as_a_payment_and_each_renewal_as_a_renewal_once_each()
    {
        var s = await LedgerScenario.CreateAsync(app, "LwPlan");
        var order = await s.PendingOrderAsync(s.Plan, 50, Buyer);
        var end = app.Clock.GetUtcNow().AddDays(30);

        Assert.Equal(order, await s.PayPlanAsync(order, "lw-plan-1", 50, Buyer, first: true, end));
        app.Clock.Advance(TimeSpan.FromDays(30));
        var renewal = await s.PayPlanAsync(order, "lw-plan-2", 50, Buyer, first: false, end.AddDays(30));
        Assert.NotEqual(order, renewal);
        // Both delivered again, one of them twice at once: nothing more.
        await Task.WhenAll(s.PayPlanAsync(order, "lw-plan-2", 50, Buyer, first: false, end.AddDays(30)),
            s.PayPlanAsync(order, "lw-plan-2", 50, Buyer, first: false, end.AddDays(30)));
        await s.PayPlanAsync(order, "lw-plan-1", 50, Buyer, first: true, end);

        var rows = await s.RowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal((StarLedgerKind.Payment, "payment:lw-plan-1", (Guid?)order), (rows[0].Kind, rows[0].Key, rows[0].OrderId));
        Assert.Equal((StarLedgerKind.Renewal, "payment:lw-plan-2", renewal), (rows[1].Kind, rows[1].Key, rows[1].OrderId));
        Assert.All(rows, r => Assert.Equal(50, r.Stars));
        Assert.Equal(TimeSpan.FromDays(30), rows[1].At - rows[0].At);
    }

    [Fact]
    public async Task Debit_a_refunded_order_once_however_often_and_from_wherever_the_refund_is_recorded()
    {
        var s = await LedgerScenario.CreateAsync(app, "LwRefund");
        var order = await s.PendingOrderAsync(s.TextProduct, 3, Buyer);
        await s.PayAsync(order, "lw-refund-1", 3, Buyer);
        app.Clock.Advance(TimeSpan.FromHours(2));
        var refundedAt = app.Clock.GetUtcNow();

        var marked = await Task.WhenAll(s.MarkRefundedAsync(order), s.MarkRefundedAsync(order));
        await s.RefundedPaymentAsync(order, "lw-refund-1");
        Assert.False(await s.MarkRefundedAsync(order));

        Assert.Single(marked, m => m);
        var rows = await s.RowsAsync();
        Assert.Equal(2, rows.Count);
        var debit = rows.Single(r => r.Kind == StarLedgerKind.Refund);
        Assert.Equal((-3L, "refund:lw-refund-1", (Guid?)order, refundedAt, refundedAt), (debit.Stars, debit.Key, debit.OrderId, debit.At, debit.ReleasesAt));
    }

    [Fact]
    public async Task Debit_a_refunded_renewal_once_and_leave_the_first_payment_credited()
    {
        var s = await LedgerScenario.CreateAsync(app, "LwRenewalRefund");
        var order = await s.PendingOrderAsync(s.Plan, 50, Buyer);
        var end = app.Clock.GetUtcNow().AddDays(30);
        await s.PayPlanAsync(order, "lw-rr-1", 50, Buyer, first: true, end);
        var renewal = (await s.PayPlanAsync(order, "lw-rr-2", 50, Buyer, first: false, end.AddDays(30)))!.Value;

        // Telegram's refunded_payment for a renewal carries the first order's payload.
        await s.RefundedPaymentAsync(order, "lw-rr-2");
        await s.RefundedPaymentAsync(order, "lw-rr-2");

        var rows = await s.RowsAsync();
        Assert.Equal(["payment:lw-rr-1", "payment:lw-rr-2", "refund:lw-rr-2"], rows.Select(r => r.Key).Order());
        Assert.Equal((-50L, (Guid?)renewal), rows.Where(r => r.Kind == StarLedgerKind.Refund).Select(r => (r.Stars, r.OrderId)).Single());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Credit_and_debit_a_refunded_duplicate_charge_once_whether_its_refunded_payment_arrives_after_the_refund_or_before(bool updateFirst)
    {
        var s = await LedgerScenario.CreateAsync(app, "LwDup" + (updateFirst ? "U" : "J"));
        var order = await s.PendingOrderAsync(s.TextProduct, 3, Buyer);
        await s.PayAsync(order, "lw-dup-first", 3, Buyer);

        // The second charge of the same order, delivered three times (two at once).
        await Task.WhenAll(s.PayAsync(order, "lw-dup-second", 3, Buyer), s.PayAsync(order, "lw-dup-second", 3, Buyer));
        Assert.Null(await s.PayAsync(order, "lw-dup-second", 3, Buyer));
        Assert.Equal(1, await s.Store.WithDbAsync(db => db.DuplicateCharges.CountAsync()));
        Assert.Equal(2, (await s.RowsAsync()).Count(r => r.Kind == StarLedgerKind.Payment));

        // The refund job and Telegram's refunded_payment both report it, in either order, twice each.
        for (var i = 0; i < 2; i++)
        {
            if (updateFirst)
            {
                await s.RefundedPaymentAsync(order, "lw-dup-second");
            }

            await s.DuplicateRefundedAsync("lw-dup-second");
            await s.RefundedPaymentAsync(order, "lw-dup-second");
        }

        var rows = await s.RowsAsync();
        Assert.Equal(["payment:lw-dup-first", "payment:lw-dup-second", "refund:lw-dup-second"], rows.Select(r => r.Key).Order());
        Assert.Equal(-3L, rows.Single(r => r.Kind == StarLedgerKind.Refund).Stars);
        Assert.Equal(OrderStatus.Paid, await s.Store.WithDbAsync(db => db.Orders.Where(o => o.Id == order).Select(o => o.Status).SingleAsync()));
        Assert.Equal(3, (await s.BalanceAsync())!.Balance.Stars);
    }

    [Fact]
    public async Task Refuse_to_update_delete_or_truncate_ledger_rows_for_the_app_and_for_the_tables_owner()
    {
        var s = await LedgerScenario.CreateAsync(app, "LwAppend");
        var order = await s.PendingOrderAsync(s.TextProduct, 3, Buyer);
        await s.PayAsync(order, "lw-append-1", 3, Buyer);

        await s.Store.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            await AssertRefusedAsync(() => db.Database.ExecuteSqlRawAsync("""UPDATE "StarLedger" SET "Stars" = "Stars" + 1"""));
            await AssertRefusedAsync(() => db.StarLedger.ExecuteDeleteAsync());
            return true;
        });

        await using (var owner = new NpgsqlConnection(app.Database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using var tenant = new NpgsqlCommand($"SELECT set_config('{TenantSessionInterceptor.TenantSetting}', '{s.Store.Tenant.Id}', false)", owner);
            await tenant.ExecuteNonQueryAsync();
            foreach (var sql in new[] { """UPDATE "StarLedger" SET "Stars" = 1000000""", """DELETE FROM "StarLedger" """, """TRUNCATE "StarLedger" """ })
            {
                await using var command = new NpgsqlCommand(sql, owner);
                await AssertRefusedAsync(() => command.ExecuteNonQueryAsync());
            }
        }

        var row = Assert.Single(await s.RowsAsync());
        Assert.Equal(3, row.Stars);
    }

    private static async Task AssertRefusedAsync(Func<Task<int>> write)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(write);
        Assert.Contains("never updated or deleted", refused.MessageText, StringComparison.Ordinal);
    }
}
