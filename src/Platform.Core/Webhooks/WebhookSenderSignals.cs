using System.Collections.Concurrent;

namespace Platform.Core.Webhooks;

/// <summary>
/// "The tenant has new due deliveries", inside one process: a sender with nothing due waits on its tenant's signal
/// instead of sleeping a whole <see cref="WebhookOptions.SenderPollInterval"/>, so a steady stream is sent as soon as
/// it is dispatched. Pulsed by a dispatch in this process and by another replica's dispatch (its NOTIFY on
/// <see cref="DueChannel"/>, heard by <see cref="WebhookWakeListener"/>). A missed pulse costs one poll, nothing more.
/// </summary>
public sealed class WebhookSenderSignals
{
    /// <summary>NOTIFY channel of a dispatch that created deliveries; payload the tenant id ("N").</summary>
    public const string DueChannel = "starfront_webhooks_due";

    private readonly ConcurrentDictionary<Guid, Signal> signals = new();

    /// <summary>The tenant's pulse count now; read it before looking for due work, pass it to <see cref="WaitAsync"/>.</summary>
    public long Version(Guid tenantId) => signals.GetOrAdd(tenantId, _ => new Signal()).Version;

    /// <summary>Completes when a pulse newer than <paramref name="seenVersion"/> arrives, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(Guid tenantId, long seenVersion, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var signal = signals.GetOrAdd(tenantId, _ => new Signal());
        var next = signal.Next;
        if (signal.Version > seenVersion)
        {
            return;
        }

        try
        {
            await next.WaitAsync(timeout, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            // the poll's turn: look anyway
        }
    }

    /// <summary>Wakes every sender of the tenant waiting in this process.</summary>
    public void Pulse(Guid tenantId)
    {
        if (signals.TryGetValue(tenantId, out var signal))
        {
            signal.Pulse();
        }
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
