using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Payments;

namespace Platform.TelegramSandbox.Tests;

public sealed class PaymentTests
{
    private static readonly LabeledPrice[] Price100 = [new("Ebook", 100)];

    [Fact]
    public async Task Paying_an_invoice_moves_stars_and_sends_successful_payment()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann", stars: 250);
        await sandbox.SendTextAsync(ann, bot, "/buy");
        await bot.ReceiveAsync();
        var invoice = await bot.Client.SendInvoice(ann, "Ebook", "A fine ebook", "order-1", "XTR", Price100, providerToken: "");
        Assert.Equal(100, invoice.Invoice!.TotalAmount);

        var pay = sandbox.PayAsync(ann, new { bot_id = bot.Id, message_id = invoice.Id });
        var query = Assert.Single(await bot.ReceiveAsync()).PreCheckoutQuery!;
        Assert.Equal(("order-1", 100, "XTR", ann), (query.InvoicePayload, query.TotalAmount, query.Currency, query.From.Id));
        await bot.Client.AnswerPreCheckoutQuery(query.Id);
        var result = await pay;

        Assert.Equal("paid", result.GetProperty("status").GetString());
        Assert.Equal(150, await sandbox.StarsOfAsync(ann));
        var payment = Assert.Single(await bot.ReceiveAsync()).Message!.SuccessfulPayment!;
        Assert.Equal(result.GetProperty("telegram_payment_charge_id").GetString(), payment.TelegramPaymentChargeId);
        Assert.Equal(("order-1", 100, false), (payment.InvoicePayload, payment.TotalAmount, payment.IsRecurring));
        Assert.Null(payment.SubscriptionExpirationDate);
        Assert.Equal(100, (await bot.Client.GetMyStarBalance()).Amount);
        var transaction = Assert.Single((await bot.Client.GetStarTransactions()).Transactions);
        Assert.Equal((payment.TelegramPaymentChargeId, 100), (transaction.Id, transaction.Amount));
        var source = Assert.IsType<TransactionPartnerUser>(transaction.Source);
        Assert.Equal((ann, "order-1"), (source.User.Id, source.InvoicePayload));
    }

    [Fact]
    public async Task Typed_control_client_pays_an_invoice_message_like_the_JSON_API()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.Client.CreateUserAsync("Ann");
        await sandbox.Client.TopUpAsync(ann, 120);
        await sandbox.Client.SendTextAsync(ann, bot.Id, "/start");
        var invoice = await bot.Client.SendInvoice(ann, "Ebook", "A fine ebook", "order-9", "XTR", Price100);

        var pay = sandbox.Client.PayInvoiceAsync(ann, bot.Id, invoice.Id);
        var query = (await bot.ReceiveAsync(2)).Single(u => u.PreCheckoutQuery is not null).PreCheckoutQuery!;
        await bot.Client.AnswerPreCheckoutQuery(query.Id);
        var payment = await pay;

        Assert.Equal(("paid", 20L, query.Id), (payment.Status, payment.Stars, payment.PreCheckoutQueryId));
        Assert.NotNull(payment.TelegramPaymentChargeId);
    }

    [Fact]
    public async Task Unanswered_pre_checkout_fails_after_10_seconds_on_the_sandbox_clock()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann", stars: 500);
        var link = await bot.Client.CreateInvoiceLink("Course", "Video course", "course", "XTR", Price100);

        var pay = sandbox.PayAsync(ann, new { invoice_link = link });
        var query = Assert.Single(await bot.ReceiveAsync()).PreCheckoutQuery!;
        await sandbox.AdvanceAsync(9);
        Assert.False(pay.IsCompleted);
        await sandbox.AdvanceAsync(1);
        var result = await pay;

        Assert.Equal("timed_out", result.GetProperty("status").GetString());
        Assert.Equal(500, await sandbox.StarsOfAsync(ann));
        var late = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.AnswerPreCheckoutQuery(query.Id));
        Assert.Equal(400, late.ErrorCode);
        Assert.Contains("query is too old", late.Message);
        Assert.Equal(0, (await bot.Client.GetMyStarBalance()).Amount);
    }

    [Fact]
    public async Task Rejected_pre_checkout_tells_the_buyer_the_bot_error_message()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann", stars: 500);
        var link = await bot.Client.CreateInvoiceLink("Course", "Video course", "course", "XTR", Price100);

        var pay = sandbox.PayAsync(ann, new { invoice_link = link });
        var query = Assert.Single(await bot.ReceiveAsync()).PreCheckoutQuery!;
        await bot.Client.AnswerPreCheckoutQuery(query.Id, "Sold out, sorry");
        var result = await pay;

        Assert.Equal("rejected", result.GetProperty("status").GetString());
        Assert.Equal("Sold out, sorry", result.GetProperty("error_message").GetString());
        Assert.Equal(500, await sandbox.StarsOfAsync(ann));
    }

    [Fact]
    public async Task Buyer_without_enough_stars_is_refused_before_the_bot_is_asked()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann", stars: 99);
        var link = await bot.Client.CreateInvoiceLink("Course", "Video course", "course", "XTR", Price100);

        var result = await sandbox.PayAsync(ann, new { invoice_link = link });

        Assert.Equal("insufficient_stars", result.GetProperty("status").GetString());
        Assert.Empty(await bot.DrainAsync());
    }

    [Fact]
    public async Task Refund_returns_the_stars_and_a_second_refund_answers_CHARGE_ALREADY_REFUNDED()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann", stars: 300);
        var charge = await PayAsync(sandbox, bot, ann, await bot.Client.CreateInvoiceLink("Course", "Video course", "course", "XTR", Price100));

        await bot.Client.RefundStarPayment(ann, charge);

        Assert.Equal(300, await sandbox.StarsOfAsync(ann));
        Assert.Equal(0, (await bot.Client.GetMyStarBalance()).Amount);
        var refunded = Assert.Single(await bot.ReceiveAsync()).Message!.RefundedPayment!;
        Assert.Equal((charge, 100, "course"), (refunded.TelegramPaymentChargeId, refunded.TotalAmount, refunded.InvoicePayload));
        var transactions = (await bot.Client.GetStarTransactions()).Transactions;
        Assert.Equal(2, transactions.Length);
        Assert.IsType<TransactionPartnerUser>(transactions[1].Receiver);
        var again = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.RefundStarPayment(ann, charge));
        Assert.Equal((400, "Bad Request: CHARGE_ALREADY_REFUNDED"), (again.ErrorCode, again.Message));
    }

    [Theory]
    [InlineData("USD", 1, 100, "", "currency")]
    [InlineData("XTR", 2, 100, "", "prices")]
    [InlineData("XTR", 1, 100, "provider-123", "provider_token")]
    [InlineData("XTR", 1, 0, "", "CURRENCY_TOTAL_AMOUNT_INVALID")]
    public async Task Star_invoices_are_checked_as_Telegram_checks_them(string currency, int items, int amount, string providerToken, string named)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var prices = Enumerable.Range(0, items).Select(i => new LabeledPrice($"p{i}", amount));
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.CreateInvoiceLink("Title", "Description", "payload", currency, prices,
            providerToken: providerToken));
        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: ", error.Message);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task Invoice_keyboard_must_start_with_a_Pay_button()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync();
        await sandbox.SendTextAsync(ann, bot, "/start");
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.SendInvoice(ann, "Ebook", "A fine ebook", "p", "XTR", Price100,
            replyMarkup: new Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup(Telegram.Bot.Types.ReplyMarkups.InlineKeyboardButton.WithCallbackData("Later",
                "later"))));
        Assert.Contains("Pay button", error.Message);
        var sent = await bot.Client.SendInvoice(ann, "Ebook", "A fine ebook", "p", "XTR", Price100,
            replyMarkup: new Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup(Telegram.Bot.Types.ReplyMarkups.InlineKeyboardButton.WithPay(
                "Buy for 100 Stars")));
        Assert.True(sent.ReplyMarkup!.InlineKeyboard.First().First().Pay);
    }

    [Fact]
    public async Task Invoice_title_description_and_payload_lengths_are_enforced()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        async Task<string> Fails(string title, string description, string payload) =>
            (await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.CreateInvoiceLink(title, description, payload, "XTR", Price100))).Message;
        Assert.Contains("title", await Fails(new string('t', 33), "d", "p"));
        Assert.Contains("description", await Fails("t", new string('d', 256), "p"));
        Assert.Contains("payload", await Fails("t", "d", new string('p', 129)));
        Assert.StartsWith("https://t.me/$", await bot.Client.CreateInvoiceLink(new string('t', 32), new string('d', 255), new string('p', 128), "XTR",
            Price100));
    }

    [Fact]
    public async Task Withdrawal_is_recorded_as_a_Fragment_transaction_with_its_state()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann", stars: 1000);
        await PayAsync(sandbox, bot, ann, await bot.Client.CreateInvoiceLink("Course", "Video course", "course", "XTR", [new LabeledPrice("x", 800)]));

        await sandbox.PostAsync($"sandbox/v1/bots/{bot.Id}/withdrawals", new { amount = 500, state = "succeeded", url = "https://fragment.com/tx/1" });
        await sandbox.PostAsync($"sandbox/v1/bots/{bot.Id}/withdrawals", new { amount = 100, state = "pending" });
        await sandbox.PostAsync($"sandbox/v1/bots/{bot.Id}/withdrawals", new { amount = 50, state = "failed" });

        Assert.Equal(200, (await bot.Client.GetMyStarBalance()).Amount);
        var withdrawals = (await bot.Client.GetStarTransactions()).Transactions.Skip(1).Select(t => Assert.IsType<TransactionPartnerFragment>(t.Receiver)
            .WithdrawalState).ToList();
        var succeeded = Assert.IsType<RevenueWithdrawalStateSucceeded>(withdrawals[0]);
        Assert.Equal("https://fragment.com/tx/1", succeeded.Url);
        Assert.IsType<RevenueWithdrawalStatePending>(withdrawals[1]);
        Assert.IsType<RevenueWithdrawalStateFailed>(withdrawals[2]);
    }

    [Fact]
    public async Task A_pending_withdrawal_ends_in_place_and_a_failed_one_gives_the_stars_back()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann", stars: 1000);
        await PayAsync(sandbox, bot, ann, await bot.Client.CreateInvoiceLink("Course", "Video course", "course", "XTR", [new LabeledPrice("x", 800)]));
        var first = await sandbox.Client.RecordWithdrawalAsync(bot.Id, 300, "pending");
        var second = await sandbox.Client.RecordWithdrawalAsync(bot.Id, 200, "pending");
        Assert.Equal(300, (await bot.Client.GetMyStarBalance()).Amount);

        await sandbox.Client.SetWithdrawalStateAsync(bot.Id, first, "succeeded", "https://fragment.com/tx/9");
        await sandbox.Client.SetWithdrawalStateAsync(bot.Id, second, "failed");
        await sandbox.Client.SetWithdrawalStateAsync(bot.Id, second, "failed");

        Assert.Equal(500, (await bot.Client.GetMyStarBalance()).Amount);
        var transactions = (await bot.Client.GetStarTransactions()).Transactions;
        Assert.Equal(3, transactions.Length);
        Assert.Equal((first, "https://fragment.com/tx/9"), (transactions[1].Id,
            Assert.IsType<RevenueWithdrawalStateSucceeded>(Assert.IsType<TransactionPartnerFragment>(transactions[1].Receiver).WithdrawalState).Url));
        Assert.IsType<RevenueWithdrawalStateFailed>(Assert.IsType<TransactionPartnerFragment>(transactions[2].Receiver).WithdrawalState);
        var ended = await sandbox.PostAsync($"sandbox/v1/bots/{bot.Id}/withdrawals/{first}/state", new { state = "failed" }, expectStatus: 400);
        Assert.Contains("only a pending one", ended.GetProperty("error").GetString());
        await sandbox.PostAsync($"sandbox/v1/bots/{bot.Id}/withdrawals/nope/state", new { state = "failed" }, expectStatus: 404);
    }

    [Fact]
    public async Task Transactions_the_platform_did_not_start_are_listed_in_order_and_move_the_balance_to_the_nanostar()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var c = sandbox.Client;
        await c.AddStarTransactionAsync(bot.Id, "paid_media_payment", 40);
        await c.AddStarTransactionAsync(bot.Id, "business_account_transfer", 10);
        await c.AddStarTransactionAsync(bot.Id, "invoice_payment", 25, id: "stxc-unknown-1");
        await c.AddStarTransactionAsync(bot.Id, "affiliate_program", 2, nanostarAmount: 500_000_000);
        await c.AddStarTransactionAsync(bot.Id, "gift_purchase", 15);
        await c.AddStarTransactionAsync(bot.Id, "telegram_ads", 20);
        await c.AddStarTransactionAsync(bot.Id, "telegram_api", 1, nanostarAmount: 250_000_000);

        var balance = await bot.Client.GetMyStarBalance();
        Assert.Equal((41L, 250_000_000), (balance.Amount, balance.NanostarAmount ?? 0));
        var all = (await bot.Client.GetStarTransactions(offset: 0, limit: 100)).Transactions;
        Assert.Equal(7, all.Length);
        Assert.Equal("stxc-unknown-1", all[2].Id);
        Assert.Equal(TransactionPartnerUserTransactionType.InvoicePayment, Assert.IsType<TransactionPartnerUser>(all[2].Source).TransactionType);
        Assert.IsType<TransactionPartnerAffiliateProgram>(all[3].Source);
        Assert.Equal(500_000_000, all[3].NanostarAmount);
        Assert.Equal(TransactionPartnerUserTransactionType.GiftPurchase, Assert.IsType<TransactionPartnerUser>(all[4].Receiver).TransactionType);
        Assert.IsType<TransactionPartnerTelegramAds>(all[5].Receiver);
        Assert.IsType<TransactionPartnerTelegramApi>(all[6].Receiver);
        var page = (await bot.Client.GetStarTransactions(offset: 5, limit: 1)).Transactions;
        Assert.Equal(all[5].Id, Assert.Single(page).Id);

        await sandbox.PostAsync($"sandbox/v1/bots/{bot.Id}/star-transactions", new { partner = "telegram_ads", amount = 42 }, expectStatus: 400);
        await sandbox.PostAsync($"sandbox/v1/bots/{bot.Id}/star-transactions", new { partner = "lottery", amount = 1 }, expectStatus: 400);
        await sandbox.PostAsync($"sandbox/v1/bots/{bot.Id}/star-transactions", new { partner = "invoice_payment", amount = 1, id = "stxc-unknown-1" },
            expectStatus: 400);
        Assert.Equal(41, (await bot.Client.GetMyStarBalance()).Amount);
    }

    /// <summary>Runs one payment end to end with the bot answering ok; returns the charge id.</summary>
    internal static async Task<string> PayAsync(TestSandbox sandbox, TestBot bot, long userId, string link)
    {
        var pay = sandbox.PayAsync(userId, new { invoice_link = link });
        var query = (await bot.ReceiveAsync()).Single(u => u.PreCheckoutQuery is not null).PreCheckoutQuery!;
        await bot.Client.AnswerPreCheckoutQuery(query.Id);
        var result = await pay;
        Assert.Equal("paid", result.GetProperty("status").GetString());
        Assert.NotNull((await bot.ReceiveAsync()).Single().Message!.SuccessfulPayment);
        return result.GetProperty("telegram_payment_charge_id").GetString()!;
    }
}
