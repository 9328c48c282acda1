using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Core.Bots;

/// <summary>
/// "Bot X has new updates" across processes, through PostgreSQL LISTEN/NOTIFY: the ingress notifies when it stores
/// updates for a bot whose processor job is already running (<see cref="InboxProcessorScheduler"/>), and the job —
/// possibly in another replica — wakes at once instead of polling. Signals may be lost (a reconnecting listener), so
/// waiters always wait with a timeout and look at the inbox themselves; a signal only makes them look sooner.
/// </summary>
public sealed class InboxSignals(BotDataSource dataSource, ILogger<InboxSignals> logger) : IAsyncDisposable
{
    public const string Channel = "starfront_inbox";
    private readonly ConcurrentDictionary<Guid, Signal> signals = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? listening;

    /// <summary>The bot's signal count now; pass it to <see cref="WaitAsync"/> after looking at the inbox.</summary>
    public long Version(Guid botId)
    {
        EnsureListening();
        return signals.GetOrAdd(botId, _ => new Signal()).Version;
    }

    /// <summary>Completes when a signal newer than <paramref name="seenVersion"/> arrives, or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(Guid botId, long seenVersion, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signal = signals.GetOrAdd(botId, _ => new Signal());
        var next = signal.Next;
        return signal.Version > seenVersion ? Task.CompletedTask : next.WaitAsync(timeout, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private void EnsureListening()
    {
        if (listening is null)
        {
            lock (signals)
            {
                listening ??= Task.Run(() => ListenAsync(stopping.Token));
            }
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenAsync(cancellationToken);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var botId) && signals.TryGetValue(botId, out var signal))
                    {
                        signal.Pulse();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                // Anything stored while we were not listening: wake every waiter once so it looks.
                foreach (var signal in signals.Values)
                {
                    signal.Pulse();
                }

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
                logger.LogWarning(e, "Listening for inbox signals failed; processors poll until it is back");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (listening is not null)
        {
            await listening.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        stopping.Dispose();
    }

    private sealed class Signal
    {
        private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long version;

        public long Version => Interlocked.Read(ref version);

        public Task Next => Volatile.Read(ref next).Task;

        public void Pulse()
        {
            Interlocked.Increment(ref version);
            Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }
}
