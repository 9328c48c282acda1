using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Core.Webhooks;

/// <summary>
/// A hosted service in every job-server host (the Worker, and the web process in the local run). Hangfire's
/// recurring jobs run at most once a minute, far too slow for a sub-second event-to-delivery lag, so this loop
/// does what the recurring sweep does: dispatch the outbox and start senders for the tenants with work. With
/// <see cref="WebhookOptions.WakeOnNotify"/> (the default) notifications do the work at once and this loop is the
/// backstop: every <see cref="WebhookOptions.BackstopInterval"/> while they are heard, every
/// <see cref="WebhookOptions.PumpInterval"/> while they are not, and at once after the listener (re)connects; its
/// passes go through <see cref="WebhookWakeups"/> like the notified ones. Without it, every
/// <see cref="WebhookOptions.PumpInterval"/> with Hangfire sender jobs, as in issue 5. Replicas may all run it:
/// claims use SKIP LOCKED and endpoint leases.
/// </summary>
public sealed class WebhookPump(
    WebhookDispatcher dispatcher,
    WebhookWakeups wakeups,
    WebhookWakeListener listener,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var notified = options.Value.WakeOnNotify;
        while (!stoppingToken.IsCancellationRequested)
        {
            var reconnected = listener.Listening; // taken before the look: a reconnect during it triggers another
            try
            {
                foreach (var tenantId in await dispatcher.TenantsWithWorkAsync(stoppingToken))
                {
                    if (notified)
                    {
                        wakeups.Wake(tenantId);
                    }
                    else
                    {
                        await dispatcher.PumpTenantAsync(tenantId, stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unavailable; the next tick retries and nothing is lost meanwhile.
                logger.LogWarning(ex, "Webhook pump tick failed");
            }

            var pause = notified && listener.IsListening ? options.Value.BackstopInterval : options.Value.PumpInterval;
            try
            {
                var tick = Task.Delay(pause, clock, stoppingToken);
                await (notified ? Task.WhenAny(tick, reconnected) : tick);
                stoppingToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
