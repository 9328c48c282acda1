using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;

namespace Platform.Core.Tenancy;

/// <summary>
/// Tenant store over the global tenants table with a short-lived cache. The cache is per process,
/// so a suspension made on another replica takes effect here within <see cref="CacheDuration"/>.
/// </summary>
public sealed class CachedTenantStore(IServiceScopeFactory scopes, IMemoryCache cache) : ITenantStore
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(15);

    public Task<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        GetOrLoadAsync($"tenant:id:{id}", db => db.Tenants.Where(t => t.Id == id), cancellationToken);

    public Task<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var normalized = slug.Trim().ToLowerInvariant();
        return GetOrLoadAsync($"tenant:slug:{normalized}", db => db.Tenants.Where(t => t.Slug == normalized), cancellationToken);
    }

    public void Invalidate(TenantInfo tenant)
    {
        cache.Remove($"tenant:id:{tenant.Id}");
        cache.Remove($"tenant:slug:{tenant.Slug}");
    }

    private async Task<TenantInfo?> GetOrLoadAsync(
        string key, Func<PlatformDbContext, IQueryable<Tenant>> query, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(key, out TenantInfo? cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var tenant = await query(db).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return null; // unknown slugs are not cached, so a store created a moment ago resolves at once
        }

        var info = TenantInfo.From(tenant);
        cache.Set($"tenant:id:{info.Id}", info, CacheDuration);
        cache.Set($"tenant:slug:{info.Slug}", info, CacheDuration);
        return info;
    }
}
