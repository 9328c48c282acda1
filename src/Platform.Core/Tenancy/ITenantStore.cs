namespace Platform.Core.Tenancy;

/// <summary>Looks tenants up by id or slug. Implementations may cache briefly.</summary>
public interface ITenantStore
{
    Task<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Drops cached entries after a tenant changed (suspension, rename).</summary>
    void Invalidate(TenantInfo tenant);

    /// <summary>Drops the cached entries of the tenant with this id (a change another process announced).</summary>
    void Invalidate(Guid tenantId);

    /// <summary>Drops every cached tenant (the change listener reconnected and may have missed announcements).</summary>
    void InvalidateAll();
}
