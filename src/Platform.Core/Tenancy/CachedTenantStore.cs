using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;

namespace Platform.Core.Tenancy;

/// <summary>
/// Tenant store over the global tenants table with a short-lived cache. A change made anywhere (suspension, freeze)
/// is announced through PostgreSQL (<see cref="TenantChangeSignals"/>) and every process's listener calls
/// <see cref="Invalidate(Guid)"/>, so it takes effect everywhere within the notification's delay; <see cref="CacheDuration"/>
/// only bounds how long a lost notification could matter. A load that read the row before a change committed must not
/// cache it after the invalidation: every invalidation bumps <c>version</c>, and a load caches only when none happened
/// while it read.
/// </summary>
public sealed class CachedTenantStore(IServiceScopeFactory scopes, IMemoryCache cache) : ITenantStore
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<Guid, string> slugs = new();
    private long version;
    private long epoch;

    public Task<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        GetOrLoadAsync($"tenant:id:{id}", db => db.Tenants.Where(t => t.Id == id), cancellationToken);

    public Task<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var normalized = slug.Trim().ToLowerInvariant();
        return GetOrLoadAsync($"tenant:slug:{normalized}", db => db.Tenants.Where(t => t.Slug == normalized), cancellationToken);
    }

    public void Invalidate(TenantInfo tenant)
    {
        cache.Remove($"tenant:slug:{tenant.Slug}"); // the slug may not be in the map (a lookup that found nothing cached)
        Invalidate(tenant.Id);
    }

    public void Invalidate(Guid tenantId)
    {
        Interlocked.Increment(ref version);
        cache.Remove($"tenant:id:{tenantId}");
        if (slugs.TryRemove(tenantId, out var slug))
        {
            cache.Remove($"tenant:slug:{slug}");
        }
    }

    public void InvalidateAll()
    {
        Interlocked.Increment(ref version);
        Interlocked.Increment(ref epoch); // entries of an older epoch read as misses and expire on their own
    }

    private async Task<TenantInfo?> GetOrLoadAsync(
        string key, Func<PlatformDbContext, IQueryable<Tenant>> query, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(key, out Entry? cached) && cached!.Epoch == Interlocked.Read(ref epoch))
        {
            return cached.Tenant;
        }

        var seen = Interlocked.Read(ref version);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var tenant = await query(db).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            return null; // unknown slugs are not cached, so a store created a moment ago resolves at once
        }

        var info = TenantInfo.From(tenant);
        var entry = new Entry(info, Interlocked.Read(ref epoch));
        slugs[info.Id] = info.Slug;
        if (Interlocked.Read(ref version) == seen)
        {
            cache.Set($"tenant:id:{info.Id}", entry, CacheDuration);
            cache.Set($"tenant:slug:{info.Slug}", entry, CacheDuration);
            if (Interlocked.Read(ref version) != seen)
            {
                // An invalidation slipped in between the check and the sets: it may have removed nothing yet.
                cache.Remove($"tenant:id:{info.Id}");
                cache.Remove($"tenant:slug:{info.Slug}");
            }
        }

        return info;
    }

    private sealed record Entry(TenantInfo Tenant, long Epoch);
}
