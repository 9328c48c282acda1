using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Bots;
using Telegram.Bot.Exceptions;

namespace Platform.Core.Outbound;

/// <summary>
/// The one way bot code sends to Telegram: about 30 messages/s per bot and 1/s per chat (with a small burst),
/// and a 429 is honoured by waiting <c>retry_after</c> and trying again — a rush slows down, nothing is dropped.
/// The bot-wide gate is shared by every process (<see cref="SharedSendGate"/>, one row per bot in PostgreSQL), so
/// any number of worker replicas together stay under a bot's 30/s; with <c>Telegram:SharedSendGate</c> off, or while
/// the database does not answer, each process paces on its own gate. Per-chat gates stay per process: a chat's updates
/// are handled by one processor lane at a time, so only rare side jobs (a refund notice, the fulfilment backstop) can
/// meet it from another process, and a 429 there is honoured like any other (docs/replicas.md).
/// </summary>
public sealed class BotSender
{
    private const int MaxFloodRetries = 8;
    private readonly ConcurrentDictionary<Guid, SendRateGate> bots = new();
    private readonly ConcurrentDictionary<(Guid, long), SendRateGate> chats = new();
    private readonly IOptions<TelegramOptions> options;
    private readonly ProcessorThrottle throttle;
    private readonly SharedSendGate? shared;
    private readonly TimeProvider time;
    private readonly ILogger<BotSender> logger;
    private long sends;

    /// <summary>Process-local gates only (tools and tests that have no database).</summary>
    public BotSender(IOptions<TelegramOptions> options, ProcessorThrottle throttle, TimeProvider time, ILogger<BotSender> logger)
        : this(options, throttle, null, time, logger)
    {
    }

    /// <summary>The bot-wide gate shared through PostgreSQL when <c>Telegram:SharedSendGate</c> is on (the default).</summary>
    public BotSender(IOptions<TelegramOptions> options, ProcessorThrottle throttle, SharedSendGate? shared, TimeProvider time, ILogger<BotSender> logger)
    {
        this.options = options;
        this.throttle = throttle;
        this.shared = options.Value.SharedSendGate ? shared : null;
        this.time = time;
        this.logger = logger;
    }

    public async Task<T> SendAsync<T>(Guid botId, long? chatId, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var botInterval = TimeSpan.FromSeconds(1 / options.Value.PerBotMessagesPerSecond);
        var botGate = bots.GetOrAdd(botId, _ => new SendRateGate(botInterval, options.Value.PerBotBurst));
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

            var total = await ReserveBotAsync(botId, botGate, botInterval, now, wait, cancellationToken);
            if (total > TimeSpan.Zero)
            {
                await throttle.DelayAsync(total, time, cancellationToken);
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
                if (chatGate is null)
                {
                    // Not a chat's limit, so the bot's: every process holds back (a chat's 429 holds back only that chat).
                    botGate.BlockUntil(until);
                    if (shared is not null)
                    {
                        await shared.BlockAsync(botId, 0, retryAfter, botInterval, options.Value.PerBotBurst, cancellationToken);
                    }
                }

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

    /// <summary>The bot-wide reservation after the chat's <paramref name="chatWait"/>: the shared row, else this process's gate.</summary>
    private async Task<TimeSpan> ReserveBotAsync(Guid botId, SendRateGate local, TimeSpan interval, DateTimeOffset now, TimeSpan chatWait,
        CancellationToken cancellationToken)
    {
        if (shared is not null &&
            await shared.ReserveAsync(botId, 0, interval, options.Value.PerBotBurst, chatWait, cancellationToken) is { } total)
        {
            return total;
        }

        return chatWait + local.Reserve(now + chatWait);
    }

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
