using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Ledger;
using Platform.Core.Orders;
using Platform.Core.Payments;
using Platform.Tests.Bots;

namespace Platform.Tests.Ledger;

/// <summary>
/// Reconciliation against the sandbox (docs/ledger.md, "Reconciliation"): what the bot sold matches, withdrawals and other
/// transactions are recorded once however they end, each kind of disagreement is flagged (and resolved when it goes away),
/// and passes at once, after a crash or for another store change nothing twice or elsewhere.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class ReconciliationShould(ReconciliationAppFactory app) : IClassFixture<ReconciliationAppFactory>
{
    private const long N = LedgerAmount.NanostarsPerStar;

    [Fact]
    public async Task Match_payments_and_refunds_made_through_the_bot_without_a_mismatch()
    {
        var shop = await LedgerStore.CreateAsync(app, "Matched");
        var product = await shop.Store.AddTextProductAsync("Guide", 15, "THE GUIDE");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, shop.TelegramBotId, "Ann", stars: 100);
        Assert.Equal("paid", (await buyer.PayAsync(await buyer.OpenInvoiceAsync(product))).GetProperty("status").GetString());
        Assert.Equal("paid", (await buyer.PayAsync(await buyer.OpenInvoiceAsync(product))).GetProperty("status").GetString());
        var orders = await SellingEndToEndTests.WaitForOrdersAsync(shop.Store, 2, OrderStatus.Fulfilled);
        var refunded = orders[0];
        Assert.Equal(RefundResult.Refunded,
            await shop.Store.WithScopeAsync(sp => sp.GetRequiredService<RefundService>().RefundAsync(refunded.Id, CancellationToken.None)));

        var result = await shop.ReconcileAsync();

        Assert.Equal((ReconciliationStatus.Done, 3, 0, 0), (result.Status, result.Transactions, result.LedgerRows, result.Flagged));
        Assert.Empty(await shop.MismatchesAsync());
        Assert.Equal(3, await shop.MirroredAsync());
        var state = await shop.StateAsync();
        Assert.Equal((3, (int?)null, 15 * N, 15 * N, (string?)null, (DateTimeOffset?)null),
            (state.NextOffset, state.PendingFromOffset, state.TelegramBalanceNanostars, state.LedgerBalanceNanostars, state.LastError, state.ClaimedUntil));
        Assert.Equal(3, (await shop.LedgerAsync()).Count);
    }

    [Fact]
    public async Task Record_a_withdrawal_pending_then_succeeded_as_one_debit()
    {
        var shop = await LedgerStore.CreateAsync(app, "Withdraws");
        await shop.Telegram.AddStarTransactionAsync(shop.TelegramBotId, "paid_media_payment", 2000);
        var withdrawal = await shop.Telegram.RecordWithdrawalAsync(shop.TelegramBotId, 1200, "pending");

        var first = await shop.ReconcileAsync();
        Assert.Equal((2, 2, 0), (first.Transactions, first.LedgerRows, first.Flagged));
        Assert.Equal(1, (await shop.StateAsync()).PendingFromOffset);

        await shop.Telegram.SetWithdrawalStateAsync(shop.TelegramBotId, withdrawal, "succeeded", "https://fragment.com/tx/1");
        var second = await shop.ReconcileAsync();

        Assert.Equal((1, 0, 0), (second.Transactions, second.LedgerRows, second.Flagged));
        var debit = Assert.Single(await shop.LedgerAsync(), e => e.Kind == StarLedgerKind.Withdrawal);
        Assert.Equal((-1200L, LedgerKeys.Withdrawal(withdrawal)), (debit.Stars, debit.Key));
        Assert.DoesNotContain(await shop.LedgerAsync(), e => e.Kind == StarLedgerKind.WithdrawalReturned);
        var state = await shop.StateAsync();
        Assert.Equal((2, (int?)null, 800 * N, 800 * N),
            (state.NextOffset, state.PendingFromOffset, state.TelegramBalanceNanostars, state.LedgerBalanceNanostars));
        Assert.Empty(await shop.MismatchesAsync());
    }

    [Fact]
    public async Task Record_a_withdrawal_pending_then_failed_as_a_debit_and_a_return_released_at_once()
    {
        var shop = await LedgerStore.CreateAsync(app, "Fails");
        await shop.Telegram.AddStarTransactionAsync(shop.TelegramBotId, "business_account_transfer", 1500);
        var withdrawal = await shop.Telegram.RecordWithdrawalAsync(shop.TelegramBotId, 1000, "pending");
        await shop.Telegram.AddStarTransactionAsync(shop.TelegramBotId, "gift_purchase", 100);
        await shop.ReconcileAsync();

        await shop.Telegram.SetWithdrawalStateAsync(shop.TelegramBotId, withdrawal, "failed");
        var result = await shop.ReconcileAsync();
        await shop.ReconcileAsync();

        Assert.Equal((2, 1), (result.Transactions, result.LedgerRows));
        var ledger = await shop.LedgerAsync();
        Assert.Equal(-1000, Assert.Single(ledger, e => e.Kind == StarLedgerKind.Withdrawal).Stars);
        var returned = Assert.Single(ledger, e => e.Kind == StarLedgerKind.WithdrawalReturned);
        Assert.Equal((1000L, returned.At, LedgerKeys.WithdrawalReturned(withdrawal)), (returned.Stars, returned.ReleasesAt, returned.Key));
        var state = await shop.StateAsync();
        Assert.Equal(((int?)null, 1400 * N, 1400 * N), (state.PendingFromOffset, state.TelegramBalanceNanostars, state.LedgerBalanceNanostars));
        Assert.Empty(await shop.MismatchesAsync());
    }

    [Fact]
    public async Task Record_other_income_and_spending_once_to_the_nanostar_with_the_partner_named()
    {
        var shop = await LedgerStore.CreateAsync(app, "Others");
        var t = shop.Telegram;
        var media = await t.AddStarTransactionAsync(shop.TelegramBotId, "paid_media_payment", 300);
        await t.AddStarTransactionAsync(shop.TelegramBotId, "affiliate_program", 7, nanostarAmount: 250_000_000);
        await t.AddStarTransactionAsync(shop.TelegramBotId, "business_account_transfer", 50);
        var ads = await t.AddStarTransactionAsync(shop.TelegramBotId, "telegram_ads", 40);
        await t.AddStarTransactionAsync(shop.TelegramBotId, "telegram_api", 1, nanostarAmount: 500_000_000);
        await t.AddStarTransactionAsync(shop.TelegramBotId, "gift_purchase", 15);

        var first = await shop.ReconcileAsync();
        var again = await shop.ReconcileAsync();

        Assert.Equal((6, 6, 0), (first.Transactions, first.LedgerRows, first.Flagged));
        Assert.Equal((0, 0), (again.Transactions, again.LedgerRows));
        var ledger = await shop.LedgerAsync();
        Assert.Equal(3, ledger.Count(e => e.Kind == StarLedgerKind.OtherIncome));
        Assert.Equal(3, ledger.Count(e => e.Kind == StarLedgerKind.OtherSpending));
        var income = Assert.Single(ledger, e => e.Key == LedgerKeys.Income(media));
        Assert.Equal(("Telegram: user/paid_media_payment", income.At + TimeSpan.FromDays(21)), (income.Note, income.ReleasesAt));
        Assert.Equal("Telegram: telegram_ads", Assert.Single(ledger, e => e.Key == LedgerKeys.Spending(ads)).Note);
        var affiliate = Assert.Single(ledger, e => e.Note == "Telegram: affiliate_program");
        Assert.Equal((7L, 250_000_000), (affiliate.Stars, affiliate.Nanostars));
        var expected = ((300 + 7 + 50 - 40 - 1 - 15) * N) + 250_000_000 - 500_000_000;
        var state = await shop.StateAsync();
        Assert.Equal((expected, expected), (state.TelegramBalanceNanostars, state.LedgerBalanceNanostars));
        Assert.Empty(await shop.MismatchesAsync());
    }

    [Fact]
    public async Task Flag_a_Telegram_payment_we_never_recorded_as_missing_here_without_crediting_it()
    {
        var shop = await LedgerStore.CreateAsync(app, "Unknown");
        await shop.Telegram.AddStarTransactionAsync(shop.TelegramBotId, "invoice_payment", 25, id: "stxc-never-heard-of");

        var result = await shop.ReconcileAsync();

        Assert.Equal(0, result.LedgerRows);
        Assert.Empty(await shop.LedgerAsync());
        var mismatches = await shop.MismatchesAsync();
        var missing = Assert.Single(mismatches, m => m.Kind == LedgerMismatchKind.MissingHere);
        Assert.Equal(("payment:stxc-never-heard-of", (long?)null, (long?)(25 * N)), (missing.Reference, missing.OurNanostars, missing.TelegramNanostars));
        var balance = Assert.Single(mismatches, m => m.Kind == LedgerMismatchKind.BalanceDiffers);
        Assert.Equal(("balance", (long?)0, (long?)(25 * N)), (balance.Reference, balance.OurNanostars, balance.TelegramNanostars));
        var open = await shop.OpenMismatchesAsync();
        Assert.Equal(2, open.Count);
        Assert.All(open, m => Assert.Equal(shop.Store.BotId, m.BotId));
    }

    [Fact]
    public async Task Flag_a_ledger_payment_Telegram_does_not_list_once_the_delay_has_passed()
    {
        var shop = await LedgerStore.CreateAsync(app, "Ghost");
        var now = DateTimeOffset.UtcNow;
        await shop.WriteAsync(l => l.SaleCredit(shop.Store.BotId, "stxc-old-ghost", 40, null, renewal: false, now.AddHours(-2)));
        await shop.WriteAsync(l => l.SaleCredit(shop.Store.BotId, "stxc-new-ghost", 10, null, renewal: false, now.AddMinutes(-10)));
        await shop.Telegram.AddStarTransactionAsync(shop.TelegramBotId, "paid_media_payment", 50);

        await shop.ReconcileAsync();

        var missing = Assert.Single(await shop.MismatchesAsync(), m => m.Kind == LedgerMismatchKind.MissingAtTelegram);
        Assert.Equal(("payment:stxc-old-ghost", (long?)(40 * N), (long?)null), (missing.Reference, missing.OurNanostars, missing.TelegramNanostars));
    }

    [Fact]
    public async Task Flag_a_payment_whose_amount_differs()
    {
        var shop = await LedgerStore.CreateAsync(app, "Amounts");
        await shop.WriteAsync(l => l.SaleCredit(shop.Store.BotId, "stxc-amount", 30, null, renewal: false, DateTimeOffset.UtcNow));
        await shop.Telegram.AddStarTransactionAsync(shop.TelegramBotId, "invoice_payment", 25, id: "stxc-amount");

        await shop.ReconcileAsync();

        var mismatches = await shop.MismatchesAsync();
        var differs = Assert.Single(mismatches, m => m.Kind == LedgerMismatchKind.AmountDiffers);
        Assert.Equal(("payment:stxc-amount", (long?)(30 * N), (long?)(25 * N)), (differs.Reference, differs.OurNanostars, differs.TelegramNanostars));
        Assert.DoesNotContain(mismatches, m => m.Kind == LedgerMismatchKind.MissingHere);
    }

    [Fact]
    public async Task Flag_a_balance_that_differs_and_stamp_it_resolved_when_it_agrees_again()
    {
        var shop = await LedgerStore.CreateAsync(app, "Balance");
        await shop.WriteAsync(l => l.Adjustment(shop.Store.BotId, LedgerAmount.FromStars(5), "test: too much", DateTimeOffset.UtcNow));
        await shop.ReconcileAsync();
        var flagged = Assert.Single(await shop.MismatchesAsync());
        Assert.Equal((LedgerMismatchKind.BalanceDiffers, (long?)(5 * N), (long?)0, (DateTimeOffset?)null),
            (flagged.Kind, flagged.OurNanostars, flagged.TelegramNanostars, flagged.ResolvedAt));

        await shop.WriteAsync(l => l.Adjustment(shop.Store.BotId, -LedgerAmount.FromStars(5), "test: corrected", DateTimeOffset.UtcNow));
        var result = await shop.ReconcileAsync();

        Assert.Equal(1, result.Resolved);
        Assert.NotNull(Assert.Single(await shop.MismatchesAsync()).ResolvedAt);
        Assert.Empty(await shop.OpenMismatchesAsync());
    }

    [Fact]
    public async Task Write_nothing_twice_when_two_passes_run_at_once()
    {
        var shop = await LedgerStore.CreateAsync(app, "Twice");
        await shop.Telegram.AddStarTransactionAsync(shop.TelegramBotId, "paid_media_payment", 5000);
        for (var i = 0; i < 230; i++)
        {
            await shop.Telegram.AddStarTransactionAsync(shop.TelegramBotId, i % 2 == 0 ? "telegram_api" : "affiliate_program", 1);
        }

        await shop.Telegram.RecordWithdrawalAsync(shop.TelegramBotId, 1000, "failed");
        await shop.Telegram.AddStarTransactionAsync(shop.TelegramBotId, "invoice_payment", 3, id: "stxc-twice");

        var results = await Task.WhenAll(shop.ReconcileAsync(), shop.ReconcileAsync(), shop.ReconcileAsync());
        var after = await shop.ReconcileAsync();

        Assert.Contains(results, r => r.Status == ReconciliationStatus.Done);
        Assert.Equal(233, results.Sum(r => r.Transactions));
        Assert.Equal(0, after.Transactions);
        Assert.Equal(233, await shop.MirroredAsync());
        Assert.Equal(1 + 230 + 2, (await shop.LedgerAsync()).Count);
        Assert.Single(await shop.MismatchesAsync(), m => m.Kind == LedgerMismatchKind.MissingHere);
    }

    [Fact]
    public async Task Resume_from_the_cursor_after_a_pass_that_crashed_holding_the_bot()
    {
        var shop = await LedgerStore.CreateAsync(app, "Resume");
        for (var i = 0; i < 120; i++)
        {
            await shop.Telegram.AddStarTransactionAsync(shop.TelegramBotId, "paid_media_payment", 1);
        }

        Assert.Equal(120, (await shop.ReconcileAsync()).Transactions);
        for (var i = 0; i < 30; i++)
        {
            await shop.Telegram.AddStarTransactionAsync(shop.TelegramBotId, "business_account_transfer", 2);
        }

        // A pass that claimed the bot and died: while its claim runs, nobody reads; once it ran out, the next pass takes over.
        await shop.ClaimUntilAsync(DateTimeOffset.UtcNow.AddMinutes(3));
        Assert.Equal(ReconciliationStatus.Busy, (await shop.ReconcileAsync()).Status);
        await shop.ClaimUntilAsync(DateTimeOffset.UtcNow.AddSeconds(-1));
        var resumed = await shop.ReconcileAsync();

        Assert.Equal((ReconciliationStatus.Done, 30, 30), (resumed.Status, resumed.Transactions, resumed.LedgerRows));
        Assert.Equal(150, (await shop.LedgerAsync()).Count);
        Assert.Equal(150, (await shop.StateAsync()).NextOffset);
        Assert.Empty(await shop.MismatchesAsync());
    }

    [Fact]
    public async Task Leave_a_second_stores_bot_untouched_and_fan_out_one_job_per_live_bot()
    {
        var first = await LedgerStore.CreateAsync(app, "First");
        var second = await LedgerStore.CreateAsync(app, "Second");
        var removed = await LedgerStore.CreateAsync(app, "Removed");
        await first.Telegram.AddStarTransactionAsync(first.TelegramBotId, "paid_media_payment", 10);
        await second.Telegram.AddStarTransactionAsync(second.TelegramBotId, "paid_media_payment", 20);
        await removed.Store.WithDbAsync(db => db.Bots.ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, Platform.Core.Bots.BotStatus.Broken)));

        var sweep = ActivatorUtilities.CreateInstance<ReconciliationSweep>(app.Services, new RecordingJobClient());
        var result = await sweep.ReconcileAsync(first.Store.Tenant.Id, first.Store.BotId, CancellationToken.None);
        var skipped = await sweep.ReconcileAsync(removed.Store.Tenant.Id, removed.Store.BotId, CancellationToken.None);

        Assert.Equal((ReconciliationStatus.Done, 1), (result.Status, result.Transactions));
        Assert.Equal(ReconciliationStatus.Skipped, skipped.Status);
        Assert.Single(await first.LedgerAsync());
        Assert.Empty(await second.LedgerAsync());
        Assert.Equal(0, await second.MirroredAsync());
        Assert.False(await second.Store.WithDbAsync(db => db.StarReconciliations.AnyAsync()));

        var jobs = new RecordingJobClient();
        var count = await ActivatorUtilities.CreateInstance<ReconciliationSweep>(app.Services, jobs).FanOutAsync(CancellationToken.None);
        var enqueued = jobs.Jobs.Select(j => ((Guid)j.Args[0], (Guid)j.Args[1])).ToList();
        Assert.Equal(count, enqueued.Count);
        Assert.Contains((first.Store.Tenant.Id, first.Store.BotId), enqueued);
        Assert.Contains((second.Store.Tenant.Id, second.Store.BotId), enqueued);
        Assert.DoesNotContain((removed.Store.Tenant.Id, removed.Store.BotId), enqueued);
    }
}
