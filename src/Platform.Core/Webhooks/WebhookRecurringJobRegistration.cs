using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Platform.Core.Webhooks;

/// <summary>
/// Registers the webhook recurring jobs — one each for all tenants, fanning out per tenant — idempotently, so every
/// replica may do it at start.
/// </summary>
internal sealed class WebhookRecurringJobRegistration(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<WebhookDispatcher>(WebhookDispatcher.RecurringJobId, d => d.SweepAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<WebhookRetention>(WebhookRetention.RecurringJobId, r => r.FanOutAsync(CancellationToken.None), Cron.Hourly());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
