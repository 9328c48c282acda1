namespace Platform.Core.Tenancy;

/// <summary>
/// A row that belongs to exactly one tenant. The DbContext filters it by the current tenant,
/// stamps it on insert and throws on a mismatch; PostgreSQL row-level security guards it again.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
