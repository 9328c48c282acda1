using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Core.Bots;

/// <summary>
/// Turns "updates were stored for bot X" into Hangfire processor jobs without one job per update: at most one
/// enqueue per bot per window, and a request inside a window always gets a trailing enqueue at its end — so a job
/// is always enqueued after the commit of every stored update (the job then sees it). The inbox sweep is the
/// backstop for a process dying between commit and enqueue.
/// </summary>
public sealed class InboxProcessorScheduler(
    IBackgroundJobClient jobs, BotDataSource dataSource, IOptions<TelegramOptions> options, TimeProvider time, ILogger<InboxProcessorScheduler> logger)
{
    private readonly ConcurrentDictionary<Guid, BotSlot> slots = new();

    public void Request(Guid tenantId, Guid botId)
    {
        var slot = slots.GetOrAdd(botId, _ => new BotSlot());
        var window = options.Value.ProcessorEnqueueWindow;
        lock (slot)
        {
            var now = time.GetUtcNow();
            if (now - slot.LastEnqueued >= window)
            {
                slot.LastEnqueued = now;
                // Off the caller's thread: the caller is the single inbox writer, and a Hangfire enqueue is its own
                // database transaction that must not hold up the next group commit.
                _ = Task.Run(() => EnqueueAsync(tenantId, botId));
                return;
            }

            if (slot.TrailingPending)
            {
                return;
            }

            slot.TrailingPending = true;
            var delay = window - (now - slot.LastEnqueued);
            _ = TrailingAsync(slot, tenantId, botId, delay);
        }
    }

    private async Task TrailingAsync(BotSlot slot, Guid tenantId, Guid botId, TimeSpan delay)
    {
        await Task.Delay(delay, time);
        lock (slot)
        {
            slot.TrailingPending = false;
            slot.LastEnqueued = time.GetUtcNow();
        }

        await EnqueueAsync(tenantId, botId);
    }

    private async Task EnqueueAsync(Guid tenantId, Guid botId)
    {
        try
        {
            if (await ProcessorRunningAsync(botId))
            {
                return;
            }

            jobs.Enqueue<InboxProcessor>(p => p.ProcessBotAsync(tenantId, botId, CancellationToken.None));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Enqueueing the processor for bot {BotId} failed; the inbox sweep will pick the updates up", botId);
        }
    }

    /// <summary>
    /// True when a processor job holds the bot's lock. Then no job is needed: the holder looks for pending updates
    /// after it lets go of the lock, and this update was committed before this probe. During a rush this turns
    /// twenty Hangfire jobs a second per bot (each a dozen statements, all giving up at the lock) into one probe.
    /// </summary>
    private async Task<bool> ProcessorRunningAsync(Guid botId)
    {
        try
        {
            await using var connection = await dataSource.OpenAsync(CancellationToken.None);
            // Running → NOTIFY, so the holder (in whichever process) serves the new chat now rather than at its next poll.
            await using var probe = new Npgsql.NpgsqlCommand(
                $"SELECT CASE WHEN pg_try_advisory_lock($1, $2) THEN NOT pg_advisory_unlock($1, $2) ELSE (SELECT true FROM pg_notify('{InboxSignals.Channel}', $3)) END",
                connection);
            probe.Parameters.Add(new Npgsql.NpgsqlParameter { Value = InboxProcessor.LockClass });
            probe.Parameters.Add(new Npgsql.NpgsqlParameter { Value = InboxProcessor.LockKey(botId) });
            probe.Parameters.Add(new Npgsql.NpgsqlParameter { Value = botId.ToString() });
            return (bool)(await probe.ExecuteScalarAsync())!;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            logger.LogWarning(e, "Probing the processor lock of bot {BotId} failed; enqueueing anyway", botId);
            return false;
        }
    }

    private sealed class BotSlot
    {
        public DateTimeOffset LastEnqueued { get; set; } = DateTimeOffset.UnixEpoch;
        public bool TrailingPending { get; set; }
    }
}
