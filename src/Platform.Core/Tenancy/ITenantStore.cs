namespace Platform.Core.Tenancy;

/// <summary>Looks tenants up by id or slug. Implementations may cache briefly.</summary>
public interface ITenantStore
{
    Task<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>Drops cached entries after a tenant changed (suspension, rename).</summary>
    void Invalidate(TenantInfo tenant);
}
