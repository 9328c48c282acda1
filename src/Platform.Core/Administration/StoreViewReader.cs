using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Ledger;
using Platform.Core.Tenancy;

namespace Platform.Core.Administration;

/// <summary>
/// Reads one store for a platform admin: the tenant row and audit trail (global tables), its bots, products, latest
/// orders and webhook endpoints (cross-tenant reader) and its balance through <see cref="BalanceReader"/> in the store's
/// own tenant scope, so the admin sees the same figures as the merchant. Also decides whether a view grant still holds.
/// </summary>
public sealed class StoreViewReader(CrossTenantReaderFactory readers, TenantScopeFactory scopes, TimeProvider clock)
{
    public const int LatestOrders = 50;
    public const int MaxProducts = 200;

    /// <summary>How long one typed reason covers further loads of the same store by the same admin.</summary>
    public static readonly TimeSpan GrantLifetime = TimeSpan.FromMinutes(30);

    public async Task<Tenant?> FindStoreAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var db = readers.CreateReader();
        return await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
    }

    /// <summary>True when <paramref name="auditId"/> is this admin's view of this store, written less than 30 minutes ago.</summary>
    public async Task<bool> IsGrantedAsync(Guid auditId, Guid adminUserId, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var db = readers.CreateReader();
        var since = clock.GetUtcNow() - GrantLifetime;
        return await db.AdminAuditEntries.AnyAsync(e => e.Id == auditId && e.AdminUserId == adminUserId && e.TenantId == tenantId
            && e.Action == AdminAuditAction.ViewedStore && e.At > since, cancellationToken);
    }

    /// <summary>The latest view this admin wrote for this store (the grant <see cref="TenantAdministration.RecordViewAsync"/> just made).</summary>
    public async Task<Guid?> LatestGrantAsync(Guid adminUserId, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var db = readers.CreateReader();
        return await db.AdminAuditEntries.Where(e => e.AdminUserId == adminUserId && e.TenantId == tenantId && e.Action == AdminAuditAction.ViewedStore)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<StoreView?> ReadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var db = readers.CreateReader();
        var store = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (store is null)
        {
            return null;
        }

        var bots = await db.Bots.Where(b => b.TenantId == tenantId).OrderBy(b => b.Username)
            .Select(b => new StoreViewBot(b.Username, b.Status, b.LastError)).ToListAsync(cancellationToken);
        var products = await db.Products.Where(p => p.TenantId == tenantId).OrderBy(p => p.State).ThenBy(p => p.Title).Take(MaxProducts)
            .Select(p => new StoreViewProduct(p.Title, p.Kind, p.PriceStars, p.State)).ToListAsync(cancellationToken);
        var orders = await db.Orders.Where(o => o.TenantId == tenantId).OrderByDescending(o => o.CreatedAt).Take(LatestOrders)
            .Select(o => new StoreViewOrder(o.Id, o.CreatedAt, o.ProductTitle, o.PriceStars, o.Status)).ToListAsync(cancellationToken);
        var webhooks = (await db.WebhookEndpoints.Where(w => w.TenantId == tenantId).OrderBy(w => w.CreatedAt)
                .Select(w => new { w.Url, w.Enabled, w.FailingSince }).ToListAsync(cancellationToken))
            .Select(w => new StoreViewWebhook(StoreViewWebhook.Shown(w.Url), w.Enabled, w.FailingSince)).ToList();

        await using var scope = scopes.CreateScope(TenantInfo.From(store));
        var balances = await scope.ServiceProvider.GetRequiredService<BalanceReader>().ForStoreAsync(cancellationToken);
        return new StoreView(store, bots, products, orders, webhooks, balances);
    }
}
