using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Core.Common;
using Platform.Core.Data;

namespace Platform.Core.Inbox;

/// <summary>
/// "Bot X has new updates" across processes, through PostgreSQL LISTEN/NOTIFY: the inbox writer notifies in the very
/// transaction that stores the updates (PostgreSQL delivers it at COMMIT), and every listening process hears it — the
/// <see cref="InboxProcessorHost"/> starts the bot's processor, a processor already running wakes its lanes. Signals
/// may be lost (a reconnecting listener), so after every (re)connect the listener tells its subscriber to look at the
/// inbox itself, and running processors still poll; a signal only makes them look sooner.
/// </summary>
public sealed class InboxSignals(BotDataSource dataSource, ILogger<InboxSignals> logger) : IAsyncDisposable
{
    public const string Channel = "starfront_inbox";
    private readonly KeyedPulses pulses = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? listening;
    private Action<Guid, Guid>? onSignal;
    private Action? onListening;

    /// <summary>The NOTIFY payload naming a bot and its tenant.</summary>
    public static string Payload(Guid tenantId, Guid botId) => $"{tenantId:N}{botId:N}";

    /// <summary>
    /// Starts listening with a subscriber (the processor host): <paramref name="signal"/> gets (tenant, bot) for every
    /// notification, <paramref name="listeningAgain"/> runs after every (re)connect, when signals may have been missed.
    /// Both are called on the listener's thread and must not block.
    /// </summary>
    public void Start(Action<Guid, Guid> signal, Action listeningAgain)
    {
        onSignal = signal;
        onListening = listeningAgain;
        EnsureListening();
    }

    /// <summary>The bot's signal count now; pass it to <see cref="WaitAsync"/> after looking at the inbox.</summary>
    public long Version(Guid botId)
    {
        EnsureListening();
        return pulses.Version(botId);
    }

    /// <summary>Completes when a signal newer than <paramref name="seenVersion"/> arrives, or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(Guid botId, long seenVersion, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var next = pulses.Next(botId, seenVersion);
        return next.IsCompleted ? Task.CompletedTask : next.WaitAsync(timeout, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Stops listening (before the database goes away at shutdown); waiters fall back to polling.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        if (listening is not null)
        {
            await listening.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private void EnsureListening()
    {
        if (listening is null)
        {
            lock (pulses)
            {
                listening ??= Task.Run(() => ListenAsync(stopping.Token));
            }
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenAsync(cancellationToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                if (failures > 0)
                {
                    logger.LogInformation("Listening for inbox signals again");
                }

                failures = 0;
                // Anything stored while we were not listening: every waiter and the subscriber look once.
                pulses.SignalAll();

                onListening?.Invoke();
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // One line per outage, not a stack trace per retry: the database restarting is not news after the first.
                if (failures++ == 0)
                {
                    logger.LogWarning("Listening for inbox signals failed ({Error}); retrying every second, processors poll meanwhile", e.Message);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Deliver(string payload)
    {
        if (payload.Length != 64 || !Guid.TryParseExact(payload.AsSpan(0, 32), "N", out var tenantId)
            || !Guid.TryParseExact(payload.AsSpan(32), "N", out var botId))
        {
            return;
        }

        pulses.Signal(botId);
        onSignal?.Invoke(tenantId, botId);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }
}
