using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Jobs;
using Platform.Core.Maintenance;

namespace Platform.Core.Orders;

/// <summary>
/// Pending orders nobody paid within <see cref="MaintenanceOptions.AbandonPendingOrdersAfter"/> become Abandoned, so
/// the orders list stops showing them as awaiting payment. An hourly recurring job fans out one job per tenant that has
/// such orders; each is one conditional UPDATE (pending and old enough), so running it again, or while a payment is
/// being recorded, changes nothing wrongly: a payment holds the order's row lock and leaves it paid. No webhook event:
/// nothing was sold. A payment that still arrives for an abandoned order is recorded (see <see cref="OrderStatus.Abandoned"/>).
/// </summary>
public sealed class OrderAbandonmentJob(
    TenantJobScope jobScope, CrossTenantReaderFactory readers, IBackgroundJobClient jobs,
    IOptions<MaintenanceOptions> options, TimeProvider time)
{
    public const string RecurringJobId = "orders:abandon";

    [AutomaticRetry(Attempts = 0)]
    public async Task FanOutAsync(CancellationToken cancellationToken)
    {
        var cutoff = Cutoff();
        await using var reader = readers.CreateReader();
        var due = await reader.Orders.Where(o => o.Status == OrderStatus.Pending && o.CreatedAt < cutoff)
            .Select(o => o.TenantId).Distinct().ToListAsync(cancellationToken);
        foreach (var tenantId in due)
        {
            jobs.Enqueue<OrderAbandonmentJob>(j => j.AbandonTenantAsync(tenantId, CancellationToken.None));
        }
    }

    /// <summary>Marks the tenant's stale pending orders Abandoned; returns how many changed. Idempotent.</summary>
    [AutomaticRetry(Attempts = 2)]
    public Task<int> AbandonTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, whenGone: 0, (_, services) =>
        {
            var cutoff = Cutoff();
            return services.GetRequiredService<PlatformDbContext>().Orders.Where(o => o.Status == OrderStatus.Pending && o.CreatedAt < cutoff)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Abandoned), cancellationToken);
        }, cancellationToken);

    private DateTimeOffset Cutoff() => time.GetUtcNow() - options.Value.AbandonPendingOrdersAfter;
}
