using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Tenancy;

/// <summary>
/// "Tenant X changed" across processes, through PostgreSQL NOTIFY: written in the transaction that changes the tenant
/// row, so PostgreSQL delivers it at COMMIT — never before the change is visible — and every process's
/// <see cref="TenantChangeListener"/> drops that tenant from its cache.
/// </summary>
public static class TenantChangeSignals
{
    public const string Channel = "starfront_tenants";

    /// <summary>Announces the change inside the context's current transaction (or at once, without one).</summary>
    public static Task AnnounceAsync(PlatformDbContext db, Guid tenantId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {tenantId.ToString("N")})", cancellationToken);
}
