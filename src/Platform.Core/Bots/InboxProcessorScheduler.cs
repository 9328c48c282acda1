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
public sealed class InboxProcessorScheduler(IBackgroundJobClient jobs, IOptions<TelegramOptions> options, TimeProvider time, ILogger<InboxProcessorScheduler> logger)
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
                _ = Task.Run(() => Enqueue(tenantId, botId));
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

        Enqueue(tenantId, botId);
    }

    private void Enqueue(Guid tenantId, Guid botId)
    {
        try
        {
            jobs.Enqueue<InboxProcessor>(p => p.ProcessBotAsync(tenantId, botId, CancellationToken.None));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Enqueueing the processor for bot {BotId} failed; the inbox sweep will pick the updates up", botId);
        }
    }

    private sealed class BotSlot
    {
        public DateTimeOffset LastEnqueued { get; set; } = DateTimeOffset.UnixEpoch;
        public bool TrailingPending { get; set; }
    }
}
