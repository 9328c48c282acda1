using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Payments;

namespace Platform.TelegramSandbox.Tests;

public sealed class SubscriptionTests
{
    private const int Month = 2_592_000;

    [Fact]
    public async Task Subscription_renews_twice_then_lapses_when_the_buyer_runs_out_of_stars()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann", stars: 300);
        var link = await bot.Client.CreateInvoiceLink("Club", "Monthly club", "club", "XTR", [new LabeledPrice("Month", 100)], subscriptionPeriod: Month);

        var pay = sandbox.PayAsync(ann, new { invoice_link = link });
        await bot.Client.AnswerPreCheckoutQuery((await bot.ReceiveAsync()).Single().PreCheckoutQuery!.Id);
        Assert.Equal("paid", (await pay).GetProperty("status").GetString());
        var first = (await bot.ReceiveAsync()).Single().Message!.SuccessfulPayment!;
        Assert.True(first.IsRecurring);
        Assert.True(first.IsFirstRecurring);
        Assert.Equal(TestSandbox.Epoch.AddSeconds(Month).UtcDateTime, first.SubscriptionExpirationDate);

        await sandbox.AdvanceAsync(4L * Month); // renewals happen on the way, at each period end
        var renewals = (await bot.ReceiveAsync(2)).Select(u => u.Message!.SuccessfulPayment!).ToList();

        Assert.Equal(2, renewals.Count);
        Assert.All(renewals, r => Assert.True(r.IsRecurring));
        Assert.All(renewals, r => Assert.False(r.IsFirstRecurring));
        Assert.Equal([TestSandbox.Epoch.AddSeconds(2 * Month).UtcDateTime, TestSandbox.Epoch.AddSeconds(3 * Month).UtcDateTime],
            renewals.Select(r => r.SubscriptionExpirationDate!.Value));
        Assert.Equal(3, new[] { first.TelegramPaymentChargeId }.Concat(renewals.Select(r => r.TelegramPaymentChargeId)).Distinct().Count());
        Assert.Empty(await bot.DrainAsync());
        Assert.Equal(0, await sandbox.StarsOfAsync(ann));
        Assert.Equal(300, (await bot.Client.GetMyStarBalance()).Amount);
        Assert.Equal(3, (await bot.Client.GetStarTransactions()).Transactions.Length);
        var subscription = (await sandbox.GetAsync($"sandbox/v1/users/{ann}/subscriptions"))[0];
        Assert.False(subscription.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Cancelled_subscription_does_not_renew_and_can_be_re_enabled_before_it_ends()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann", stars: 1000);
        var link = await bot.Client.CreateInvoiceLink("Club", "Monthly club", "club", "XTR", [new LabeledPrice("Month", 100)], subscriptionPeriod: Month);
        var charge = await PaymentTests.PayAsync(sandbox, bot, ann, link);

        Assert.Equal("already_subscribed", (await sandbox.PayAsync(ann, new { invoice_link = link })).GetProperty("status").GetString());
        await bot.Client.EditUserStarSubscription(ann, charge, isCanceled: true);
        await bot.Client.EditUserStarSubscription(ann, charge, isCanceled: false);
        await sandbox.AdvanceAsync(Month);
        Assert.True((await bot.ReceiveAsync()).Single().Message!.SuccessfulPayment!.IsRecurring);

        await bot.Client.EditUserStarSubscription(ann, charge, isCanceled: true);
        await sandbox.AdvanceAsync(Month);
        Assert.Empty(await bot.DrainAsync());
        Assert.Equal(800, await sandbox.StarsOfAsync(ann));
        var expired = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.EditUserStarSubscription(ann, charge, isCanceled: false));
        Assert.Equal(400, expired.ErrorCode);
    }

    [Fact]
    public async Task Buyer_who_cancels_keeps_access_until_the_period_ends_and_is_not_charged_again()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var ann = await sandbox.CreateUserAsync("Ann", stars: 1000);
        var link = await bot.Client.CreateInvoiceLink("Club", "Monthly club", "club", "XTR", [new LabeledPrice("Month", 100)], subscriptionPeriod: Month);
        await PaymentTests.PayAsync(sandbox, bot, ann, link);
        var id = (await sandbox.GetAsync($"sandbox/v1/users/{ann}/subscriptions"))[0].GetProperty("id").GetString();

        await sandbox.PostAsync($"sandbox/v1/users/{ann}/subscriptions/{id}", new { canceled = true });
        await sandbox.AdvanceAsync(Month - 1);
        Assert.True((await sandbox.GetAsync($"sandbox/v1/users/{ann}/subscriptions"))[0].GetProperty("active").GetBoolean());
        await sandbox.AdvanceAsync(1);

        Assert.False((await sandbox.GetAsync($"sandbox/v1/users/{ann}/subscriptions"))[0].GetProperty("active").GetBoolean());
        Assert.Empty(await bot.DrainAsync());
        Assert.Equal(900, await sandbox.StarsOfAsync(ann));
    }

    [Fact]
    public async Task Subscription_period_other_than_30_days_or_price_over_10000_is_refused()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var bot = await sandbox.CreateBotAsync();
        var week = await Assert.ThrowsAsync<ApiRequestException>(() =>
            bot.Client.CreateInvoiceLink("Club", "Weekly", "club", "XTR", [new LabeledPrice("Week", 10)], subscriptionPeriod: 604800));
        Assert.Contains("subscription_period", week.Message);
        var pricey = await Assert.ThrowsAsync<ApiRequestException>(() =>
            bot.Client.CreateInvoiceLink("Club", "Monthly", "club", "XTR", [new LabeledPrice("Month", 10_001)], subscriptionPeriod: Month));
        Assert.Contains("10000", pricey.Message);
    }
}
