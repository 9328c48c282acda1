using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Outbound;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Platform.Tests.Bots;

/// <summary>
/// The per-bot send path against the sandbox's flood control (Telegram's: ~30 messages/s per bot, ~1/s per chat, 429
/// with retry_after): a rush of messages slows down and every one arrives, once.
/// </summary>
[Collection(BotTests.Collection)]
public sealed class SendPathTests(BotAppFactory app) : IClassFixture<BotAppFactory>
{
    private const int Chats = 15;
    private const int PerChat = 4;

    [Fact]
    public async Task A_rush_slows_down_on_429s_never_loses_a_message_and_our_gates_spare_most_of_the_429s()
    {
        // Our own gates wide open: only Telegram's 429s (retry_after honoured by BotSender) hold the rush back.
        var unlimited = new TelegramOptions
        {
            PerBotMessagesPerSecond = 10_000,
            PerBotBurst = 10_000,
            PerChatMessagesPerSecond = 10_000,
            PerChatBurst = 10_000
        };
        var (floodsUngated, ungated) = await RushAsync("Flood", unlimited);
        await AssertEveryMessageArrivedOnceAsync(ungated);

        // The default gates pace at Telegram's published rates; the sandbox counts from when each message arrives,
        // so a message right at the boundary can still meet a 429 — handled the same way, just much rarer.
        var (floodsGated, gated) = await RushAsync("Paced", new TelegramOptions());
        await AssertEveryMessageArrivedOnceAsync(gated);

        Assert.True(floodsUngated >= Chats, $"every chat's 4th message should have met a 429 without gates (saw {floodsUngated})");
        Assert.True(floodsGated * 2 < floodsUngated, $"the gates should spare most 429s: {floodsGated} with, {floodsUngated} without");
    }

    private async Task<(int Floods, List<SandboxBuyer> Buyers)> RushAsync(string name, TelegramOptions gates)
    {
        var store = await TestStore.CreateAsync(app, name);
        var buyers = new List<SandboxBuyer>();
        for (var i = 0; i < Chats; i++)
        {
            var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, $"Buyer {i}");
            await buyer.SendAsync("/help"); // like Telegram, a bot may only write to users who wrote first
            await buyer.WaitForAsync(m => SandboxClient.Text(m) is not null);
            buyers.Add(buyer);
        }

        var token = await store.WithScopeAsync(async sp => sp.GetRequiredService<BotSecrets>().Unprotect(
            await sp.GetRequiredService<PlatformDbContext>().Bots.Where(b => b.Id == store.BotId).Select(b => b.TokenCiphertext).SingleAsync()));
        // Telegram.Bot retries a 429 by itself (RetryCount/RetryThreshold); switched off here so every 429 reaches
        // BotSender and this test shows its own handling.
        using var http = new HttpClient();
        var client = new TelegramBotClient(new TelegramBotClientOptions(token, app.Sandbox.BaseUrl.ToString().TrimEnd('/')) { RetryCount = 0 }, http);
        // Let the /help replies' share of the sandbox's buckets refill before the rush.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var sender = new BotSender(Options.Create(gates), new ProcessorThrottle(Options.Create(gates)), TimeProvider.System, NullLogger<BotSender>.Instance);
        var floods = 0;
        await Task.WhenAll(buyers.SelectMany(buyer => Enumerable.Range(0, PerChat).Select(n => sender.SendAsync(store.BotId, buyer.UserId, async ct =>
        {
            try
            {
                return await client.SendMessage(buyer.UserId, $"rush {n}", cancellationToken: ct);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                Interlocked.Increment(ref floods);
                throw;
            }
        }, CancellationToken.None))));
        return (floods, buyers);
    }

    private static async Task AssertEveryMessageArrivedOnceAsync(List<SandboxBuyer> buyers)
    {
        foreach (var buyer in buyers)
        {
            var texts = (await buyer.MessagesAsync()).Select(SandboxClient.Text).Where(t => t?.StartsWith("rush ", StringComparison.Ordinal) == true).Order()
                .ToList();
            Assert.Equal(Enumerable.Range(0, PerChat).Select(n => $"rush {n}"), texts);
        }
    }
}
