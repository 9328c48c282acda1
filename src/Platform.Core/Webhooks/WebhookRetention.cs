using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Core.Webhooks;

/// <summary>
/// Keeps the delivery log bounded: finished deliveries (and, by cascade, their attempts) older than
/// <see cref="WebhookOptions.RetainDeliveriesFor"/> are deleted. One hourly recurring job fans out a job per tenant
/// that has endpoints; each deletes in small batches so it never holds many row locks.
/// </summary>
public sealed class WebhookRetention(
    TenantJobScope jobScope, CrossTenantReaderFactory readers, IBackgroundJobClient jobs,
    IOptions<WebhookOptions> options, TimeProvider clock)
{
    public const string RecurringJobId = "webhooks:prune";
    private const int DeleteBatch = 5000;

    [AutomaticRetry(Attempts = 0)]
    public async Task FanOutAsync(CancellationToken cancellationToken)
    {
        await using var reader = readers.CreateReader();
        foreach (var tenantId in await reader.WebhookEndpoints.Select(e => e.TenantId).Distinct().ToListAsync(cancellationToken))
        {
            jobs.Enqueue<WebhookRetention>(r => r.PruneTenantAsync(tenantId, CancellationToken.None));
        }
    }

    /// <summary>Deletes the tenant's finished deliveries older than the retention; returns how many. Idempotent.</summary>
    [AutomaticRetry(Attempts = 2)]
    public Task<int> PruneTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, whenGone: 0, (_, services) => PruneAsync(services.GetRequiredService<PlatformDbContext>(), cancellationToken),
            cancellationToken);

    private async Task<int> PruneAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.RetainDeliveriesFor;
        int deleted, total = 0;
        do
        {
            var batch = db.WebhookDeliveries
                .Where(d => d.CreatedAt < cutoff && d.Status != WebhookDeliveryStatus.Pending)
                .OrderBy(d => d.CreatedAt).Take(DeleteBatch).Select(d => d.Id);
            deleted = await db.WebhookDeliveries.Where(d => batch.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == DeleteBatch);

        return total;
    }
}
