using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The recurring sweep that reminds members before their period ends and expires memberships whose access end has
/// passed. The fan-out reads only due rows across tenants (the partial indexes IX_Subscriptions_Due_Reminder and
/// IX_Subscriptions_Due_Expiry), so its cost follows the due rows, not the table; it enqueues one job per tenant with
/// work (<see cref="DueReminders"/>, then <see cref="DueExpiries"/>). Every step is claimed or conditional, so the
/// sweep may run twice, or on two workers at once, and still remind once per period and expire once.
/// </summary>
public sealed class SubscriptionSweep(
    TenantJobScope jobScope, CrossTenantReaderFactory readers, IBackgroundJobClient jobs, TimeProvider time, ILogger<SubscriptionSweep> logger)
{
    public const string RecurringJobId = "subscriptions:sweep";
    public const string Schedule = "*/5 * * * *";

    [AutomaticRetry(Attempts = 0)]
    public async Task FanOutAsync(CancellationToken cancellationToken)
    {
        foreach (var tenantId in await DueTenantsAsync(cancellationToken))
        {
            jobs.Enqueue<SubscriptionSweep>(j => j.SweepTenantAsync(tenantId, CancellationToken.None));
        }
    }

    /// <summary>The tenants with a reminder or an expiry due now: two index range scans over due rows only.</summary>
    public async Task<IReadOnlyList<Guid>> DueTenantsAsync(CancellationToken cancellationToken)
    {
        await using var reader = readers.CreateReader();
        return await DueTenantsQuery(reader, time.GetUtcNow()).ToListAsync(cancellationToken);
    }

    /// <summary>The fan-out's query, on a cross-tenant reader (public so the benchmark can EXPLAIN exactly it).</summary>
    public static IQueryable<Guid> DueTenantsQuery(PlatformDbContext reader, DateTimeOffset now)
    {
        var reminding = reader.Subscriptions.Where(s => s.RemindAt != null && s.RemindAt <= now).Select(s => s.TenantId);
        var expiring = reader.Subscriptions.Where(s => s.Status != SubscriptionStatus.Expired && s.AccessEndsAt <= now).Select(s => s.TenantId);
        return reminding.Union(expiring);
    }

    /// <summary>Reminds, then expires, one tenant's due memberships. Throws after the whole pass if any row failed, so Hangfire retries.</summary>
    [AutomaticRetry(Attempts = 2)]
    public async Task<SweepCounts> SweepTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var counts = await jobScope.RunAsync(tenantId, whenGone: SweepCounts.None, async (tenant, services) =>
        {
            var now = time.GetUtcNow();
            var reminded = await services.GetRequiredService<DueReminders>().RunAsync(tenant, now, cancellationToken);
            return reminded + await services.GetRequiredService<DueExpiries>().RunAsync(now, cancellationToken);
        }, cancellationToken);
        if (counts.Failed > 0)
        {
            throw new InvalidOperationException($"Subscription sweep of tenant {tenantId}: {counts.Failed} membership(s) failed (logged); retrying.");
        }

        return counts;
    }

    /// <summary>
    /// The whole sweep in this call, tenant after tenant, without Hangfire: for tests (run it twice at once) and the
    /// benchmark. A tenant's failure is logged and counted, not thrown, so the other tenants still run.
    /// </summary>
    public async Task<SweepCounts> RunNowAsync(CancellationToken cancellationToken)
    {
        var total = SweepCounts.None;
        foreach (var tenantId in await DueTenantsAsync(cancellationToken))
        {
            try
            {
                total += await SweepTenantAsync(tenantId, cancellationToken);
            }
            catch (InvalidOperationException e)
            {
                logger.LogWarning(e, "Sweep of tenant {TenantId} left failures", tenantId);
                total += SweepCounts.None with { Failed = 1 };
            }
        }

        return total;
    }
}
