using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Core.Webhooks;

/// <summary>
/// A hosted service in every job-server host (the Worker, and the web process in the local run). Hangfire's
/// recurring jobs run at most once a minute, far too slow for a sub-second event-to-delivery lag, so this loop
/// does what the recurring sweep does every <see cref="WebhookOptions.PumpInterval"/>: dispatch the outbox and
/// start sender jobs. Replicas may all run it: claims use SKIP LOCKED and endpoint leases.
/// </summary>
public sealed class WebhookPump(WebhookDispatcher dispatcher, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookPump> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var tenantId in await dispatcher.TenantsWithWorkAsync(stoppingToken))
                {
                    await dispatcher.PumpTenantAsync(tenantId, stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unavailable; the next tick retries and nothing is lost meanwhile.
                logger.LogWarning(ex, "Webhook pump tick failed");
            }

            try
            {
                await Task.Delay(options.Value.PumpInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
