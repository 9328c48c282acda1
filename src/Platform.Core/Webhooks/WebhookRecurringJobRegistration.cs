using Hangfire;
using Microsoft.Extensions.Hosting;

namespace Platform.Core.Webhooks;

/// <summary>Registers the one recurring webhook job (idempotent: every replica may do it at start).</summary>
internal sealed class WebhookRecurringJobRegistration(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<WebhookDispatcher>(WebhookDispatcher.RecurringJobId, d => d.SweepAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
