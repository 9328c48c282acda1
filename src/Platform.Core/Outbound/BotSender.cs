using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Bots;
using Telegram.Bot.Exceptions;

namespace Platform.Core.Outbound;

/// <summary>
/// The one way bot code sends to Telegram: about 30 messages/s per bot and 1/s per chat (with a small burst),
/// and a 429 is honoured by waiting <c>retry_after</c> and trying again — a rush slows down, nothing is dropped.
/// Gates are per process; several worker replicas each stay under the limit and 429s absorb the rest.
/// </summary>
public sealed class BotSender(IOptions<TelegramOptions> options, ProcessorThrottle throttle, TimeProvider time, ILogger<BotSender> logger)
{
    private const int MaxFloodRetries = 8;
    private readonly ConcurrentDictionary<Guid, SendRateGate> bots = new();
    private readonly ConcurrentDictionary<(Guid, long), SendRateGate> chats = new();
    private long sends;

    public async Task<T> SendAsync<T>(Guid botId, long? chatId, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var botGate = bots.GetOrAdd(botId, _ => new SendRateGate(TimeSpan.FromSeconds(1 / options.Value.PerBotMessagesPerSecond), options.Value.PerBotBurst));
        var chatGate = chatId is { } chat
            ? chats.GetOrAdd((botId, chat), _ => new SendRateGate(TimeSpan.FromSeconds(1 / options.Value.PerChatMessagesPerSecond), options.Value.PerChatBurst))
            : null;
        PruneNowAndThen();
        for (var attempt = 0; ; attempt++)
        {
            var now = time.GetUtcNow();
            var wait = TimeSpan.Zero;
            if (chatGate is not null)
            {
                wait = chatGate.Reserve(now);
            }

            var botWait = botGate.Reserve(now + wait);
            if (wait + botWait > TimeSpan.Zero)
            {
                await throttle.DelayAsync(wait + botWait, time, cancellationToken);
            }

            try
            {
                return await send(cancellationToken);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429 && attempt < MaxFloodRetries)
            {
                var retryAfter = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                logger.LogInformation("Telegram asked bot {BotId} to wait {RetryAfter}s (429)", botId, retryAfter.TotalSeconds);
                var until = time.GetUtcNow() + retryAfter;
                chatGate?.BlockUntil(until);
                await throttle.DelayAsync(retryAfter, time, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A call that is not a chat message (answering a callback or a pre-checkout query, refunds): outside the
    /// message limits, so it never queues behind a rush of deliveries; a 429 is still honoured.
    /// </summary>
    public async Task CallAsync(Guid botId, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await call(cancellationToken);
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429 && attempt < MaxFloodRetries)
            {
                logger.LogInformation("Telegram asked bot {BotId} to wait {RetryAfter}s (429)", botId, e.Parameters?.RetryAfter);
                await throttle.DelayAsync(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1)), time, cancellationToken);
            }
        }
    }

    public Task SendAsync(Guid botId, long? chatId, Func<CancellationToken, Task> send, CancellationToken cancellationToken) =>
        SendAsync(botId, chatId, async ct => { await send(ct); return true; }, cancellationToken);

    private void PruneNowAndThen()
    {
        if (Interlocked.Increment(ref sends) % 10_000 != 0)
        {
            return;
        }

        var idle = time.GetUtcNow() - TimeSpan.FromMinutes(1);
        foreach (var (key, gate) in chats)
        {
            if (gate.TheoreticalArrival < idle)
            {
                chats.TryRemove(key, out _);
            }
        }
    }
}
