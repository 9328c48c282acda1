using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Core.Catalog;

/// <summary>
/// Keys held for buyers who never paid go back to Available (<see cref="LicenseKeyPool.ReleaseExpiredAsync"/>). Sales
/// already treat a lapsed hold as free stock; this keeps the pool's states honest for the portal and the API. A
/// recurring job fans out per tenant with lapsed holds; each release is one conditional UPDATE, so repeats are harmless.
/// </summary>
public sealed class KeyReservationReleaseJob(
    TenantJobScope jobScope, CrossTenantReaderFactory readers, IBackgroundJobClient jobs, TimeProvider time)
{
    public const string RecurringJobId = "keys:release-expired";

    [AutomaticRetry(Attempts = 0)]
    public async Task FanOutAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var reader = readers.CreateReader();
        var due = await reader.LicenseKeys.Where(k => k.Status == LicenseKeyStatus.Reserved && k.ReservedUntil < now)
            .Select(k => k.TenantId).Distinct().ToListAsync(cancellationToken);
        foreach (var tenantId in due)
        {
            jobs.Enqueue<KeyReservationReleaseJob>(j => j.ReleaseTenantAsync(tenantId, CancellationToken.None));
        }
    }

    /// <summary>Releases the tenant's lapsed holds; returns how many. Idempotent.</summary>
    [AutomaticRetry(Attempts = 2)]
    public Task<int> ReleaseTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, whenGone: 0,
            (_, services) => services.GetRequiredService<LicenseKeyPool>().ReleaseExpiredAsync(cancellationToken), cancellationToken);
}
