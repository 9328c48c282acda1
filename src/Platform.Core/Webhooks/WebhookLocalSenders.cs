using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Core.Webhooks;

/// <summary>
/// Runs <see cref="WebhookSender"/> in this process, right after a pass leased its endpoint, instead of enqueuing a
/// Hangfire job and waiting for a worker to fetch it: the first attempt goes out within milliseconds of the dispatch.
/// The sender is the same code with the same lease, claims and retries; at most <see cref="WebhookOptions.MaxLocalSenders"/>
/// run at once (the rest still go to Hangfire). When one ends, <see cref="Ended"/> asks for a new pass for its tenant:
/// a sender that stopped at its run time, or just as a dispatch came in, is replaced at once rather than at the next poll.
/// </summary>
public sealed partial class WebhookLocalSenders(WebhookSender sender, IOptions<WebhookOptions> options, ILogger<WebhookLocalSenders> logger)
    : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> running = new();
    private int count;

    /// <summary>Called with the tenant after each local sender ends (its endpoint lease released).</summary>
    public Action<Guid>? Ended { get; set; }

    /// <summary>Senders running now.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Starts the endpoint's sender (its lease already taken); false when at the limit or stopping.</summary>
    public bool TryStart(Guid tenantId, Guid endpointId)
    {
        if (stopping.IsCancellationRequested || Interlocked.Increment(ref count) > options.Value.MaxLocalSenders)
        {
            Interlocked.Decrement(ref count);
            return false;
        }

        var task = Task.Run(() => RunAsync(tenantId, endpointId));
        running.TryAdd(task, 0);
        _ = task.ContinueWith(t => running.TryRemove(t, out _), TaskScheduler.Default);
        return true;
    }

    /// <summary>Stops every local sender (each releases its lease) and waits for them.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(running.Keys);
    }

    private async Task RunAsync(Guid tenantId, Guid endpointId)
    {
        var ended = false;
        try
        {
            await sender.SendAsync(tenantId, endpointId, stopping.Token);
            ended = true; // a failed sender is not replaced at once (no hot loop): the backstop poll finds its endpoint
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return; // shutting down; the claims' leases bring the deliveries back
        }
        catch (Exception ex)
        {
            LogSenderFailed(ex, endpointId, tenantId);
        }
        finally
        {
            Interlocked.Decrement(ref count);
        }

        if (ended && !stopping.IsCancellationRequested)
        {
            Ended?.Invoke(tenantId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook sender of endpoint {EndpointId} (tenant {TenantId}) failed; its lease brings it back")]
    private partial void LogSenderFailed(Exception ex, Guid endpointId, Guid tenantId);
}
