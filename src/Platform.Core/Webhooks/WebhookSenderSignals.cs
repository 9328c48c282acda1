using Platform.Core.Common;

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

    private readonly KeyedPulses pulses = new();

    /// <summary>The tenant's pulse count now; read it before looking for due work, pass it to <see cref="WaitAsync"/>.</summary>
    public long Version(Guid tenantId) => pulses.Version(tenantId);

    /// <summary>Completes when a pulse newer than <paramref name="seenVersion"/> arrives, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(Guid tenantId, long seenVersion, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        var next = pulses.Next(tenantId, seenVersion);
        if (next.IsCompleted)
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
        pulses.Signal(tenantId);
    }
}
