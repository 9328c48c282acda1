using Platform.TelegramSandbox.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Types.Payments;

namespace Platform.TelegramSandbox.Tests;

public sealed class PersistenceTests
{
    [Fact]
    public async Task A_test_store_survives_a_restart_with_a_state_file()
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}.json");
        try
        {
            TestBot bot;
            long ann;
            string link;
            await using (var first = await TestSandbox.StartAsync(stateFile: stateFile))
            {
                bot = await first.CreateBotAsync("kept_bot");
                ann = await first.CreateUserAsync("Ann", stars: 300);
                await bot.Client.SetMyCommands([new("start", "Open the store")]);
                link = await bot.Client.CreateInvoiceLink("Club", "Monthly club", "club", "XTR", [new LabeledPrice("Month", 100)],
                    subscriptionPeriod: 2_592_000);
                await PaymentTests.PayAsync(first, bot, ann, link);
                await first.SendTextAsync(ann, bot, "still there?");
            } // stopping the host writes the file

            await using var second = await TestSandbox.StartAsync(stateFile: stateFile);
            var again = new TestBot(bot.Id, bot.Username, bot.Token, second.BaseUrl);

            Assert.Equal("kept_bot", (await again.Client.GetMe()).Username);
            Assert.Equal("start", Assert.Single(await again.Client.GetMyCommands()).Command);
            Assert.Equal(200, await second.StarsOfAsync(ann));
            Assert.Equal(100, (await again.Client.GetMyStarBalance()).Amount);
            // The first bot never confirmed its last batch, so the successful_payment is still pending too, as on Telegram.
            Assert.Equal("still there?", (await again.Client.GetUpdates()).Last().Message!.Text);
            var subscription = (await second.GetAsync($"sandbox/v1/users/{ann}/subscriptions"))[0];
            Assert.True(subscription.GetProperty("active").GetBoolean());
        }
        finally
        {
            File.Delete(stateFile);
        }
    }
}
