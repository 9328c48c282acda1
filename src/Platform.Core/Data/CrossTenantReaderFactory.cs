using Microsoft.EntityFrameworkCore;
using Platform.Core.Tenancy;

namespace Platform.Core.Data;

/// <summary>
/// The one named path for reads that span tenants (platform admin figures, a user's list of stores,
/// sweeps that fan out per tenant). Contexts it makes see every tenant's rows and refuse to save.
/// </summary>
public sealed class CrossTenantReaderFactory(DbContextOptions<PlatformDbContext> options)
{
    public PlatformDbContext CreateReader()
    {
        var context = new PlatformDbContext(options, new TenantContext { IsCrossTenantReader = true });
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return context;
    }
}
