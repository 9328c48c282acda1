using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Platform.Core.Webhooks;

/// <summary>
/// Runs a tenant's pass (dispatch, then senders started in-process) as soon as it is asked for, and folds bursts: a
/// tenant has at most one pass in flight and one pending, however many notifications arrive meanwhile — the pending
/// pass sees everything committed before it starts. At most <see cref="MaxConcurrentPasses"/> tenants pass at once, so
/// a wake-up of every tenant (a reconnect) cannot take every database connection. Asked by the outbox listener, the
/// backstop poll and ended local senders.
/// </summary>
public sealed partial class WebhookWakeups : IAsyncDisposable
{
    /// <summary>Tenants dispatched at the same time by one process.</summary>
    public const int MaxConcurrentPasses = 8;

    private readonly WebhookDispatcher dispatcher;
    private readonly WebhookLocalSenders senders;
    private readonly ILogger<WebhookWakeups> logger;
    private readonly Dictionary<Guid, bool> inFlight = []; // tenant → a pass is pending behind the running one
    private readonly ConcurrentDictionary<Task, byte> running = new();
    private readonly SemaphoreSlim slots = new(MaxConcurrentPasses);
    private readonly CancellationTokenSource stopping = new();
    private long passes;

    public WebhookWakeups(WebhookDispatcher dispatcher, WebhookLocalSenders senders, ILogger<WebhookWakeups> logger)
    {
        this.dispatcher = dispatcher;
        this.senders = senders;
        this.logger = logger;
        senders.Ended = Wake;
    }

    /// <summary>Passes run so far (tests and the benchmark read it to see bursts folded).</summary>
    public long Passes => Interlocked.Read(ref passes);

    /// <summary>Asks for a pass of the tenant: starts one, or marks one pending behind the pass in flight.</summary>
    public void Wake(Guid tenantId)
    {
        lock (inFlight)
        {
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            if (inFlight.ContainsKey(tenantId))
            {
                inFlight[tenantId] = true;
                return;
            }

            inFlight[tenantId] = false;
        }

        var task = Task.Run(() => RunAsync(tenantId));
        running.TryAdd(task, 0);
        _ = task.ContinueWith(t => running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Stops starting passes and local senders, and waits for those running.</summary>
    public async Task StopAsync()
    {
        lock (inFlight)
        {
            stopping.Cancel();
        }

        await Task.WhenAll(running.Keys);
        await senders.StopAsync();
    }

    private async Task RunAsync(Guid tenantId)
    {
        while (true)
        {
            try
            {
                await slots.WaitAsync(stopping.Token);
                try
                {
                    Interlocked.Increment(ref passes);
                    await dispatcher.PumpTenantAsync(tenantId, senders, stopping.Token);
                }
                finally
                {
                    slots.Release();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // shutting down
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; the backstop poll tries again and nothing is lost meanwhile.
                LogPassFailed(ex, tenantId);
            }

            lock (inFlight)
            {
                if (!inFlight[tenantId] || stopping.IsCancellationRequested)
                {
                    inFlight.Remove(tenantId);
                    return;
                }

                inFlight[tenantId] = false; // the pending pass runs now
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
        slots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook pass of tenant {TenantId} failed; the backstop poll retries")]
    private partial void LogPassFailed(Exception ex, Guid tenantId);
}
