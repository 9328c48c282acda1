using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Core.Bots;

/// <summary>
/// Resolves <c>/telegram/{botId}</c> to its tenant through the global BotRoute table, then reads the bot's
/// secret under that tenant. Cached per process: ingress must not hit the database twice per update.
/// </summary>
public sealed class BotDirectory(IServiceScopeFactory scopes, TenantScopeFactory tenantScopes, ITenantStore tenants, BotSecrets secrets, IMemoryCache cache,
    TimeProvider time)
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(5);

    public async Task<BotEndpointInfo?> FindAsync(Guid botId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(botId), out BotEndpointInfo? cached))
        {
            return cached;
        }

        return await LoadAsync(botId, cancellationToken);
    }

    /// <summary>Reloads after a secret mismatch (the secret may have been rotated by a re-sync on another replica).</summary>
    public async Task<BotEndpointInfo?> RefreshIfStaleAsync(BotEndpointInfo current, CancellationToken cancellationToken) =>
        time.GetUtcNow() - current.LoadedAt > TimeSpan.FromSeconds(10) ? await LoadAsync(current.BotId, cancellationToken) : current;

    public void Invalidate(Guid botId) => cache.Remove(Key(botId));

    private async Task<BotEndpointInfo?> LoadAsync(Guid botId, CancellationToken cancellationToken)
    {
        BotRoute? route;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            route = await db.BotRoutes.AsNoTracking().FirstOrDefaultAsync(r => r.BotId == botId, cancellationToken);
        }

        if (route is null || await tenants.FindByIdAsync(route.TenantId, cancellationToken) is not { } tenant)
        {
            return null; // unknown bots are not cached: a bot registered a moment ago resolves at once
        }

        await using var tenantScope = tenantScopes.CreateScope(tenant);
        var tenantDb = tenantScope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var ciphertext = await tenantDb.Bots.Where(b => b.Id == botId).Select(b => b.WebhookSecretCiphertext).FirstOrDefaultAsync(cancellationToken);
        if (ciphertext is null)
        {
            return null;
        }

        var info = new BotEndpointInfo(botId, route.TenantId, route.TelegramBotId, Encoding.UTF8.GetBytes(secrets.Unprotect(ciphertext)), time.GetUtcNow());
        cache.Set(Key(botId), info, CacheDuration);
        return info;
    }

    private static string Key(Guid botId) => $"bot:endpoint:{botId}";
}
