using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Webhooks;

/// <summary>The delivery log, manual retry and bulk replay, shared by the portal and the API (tenant-scoped).</summary>
public sealed class WebhookDeliveryService(PlatformDbContext db, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    /// <summary>An endpoint's deliveries, newest first, optionally of one status and created before a time (paging).</summary>
    public async Task<List<WebhookDelivery>> ListAsync(
        Guid endpointId, WebhookDeliveryStatus? status, DateTimeOffset? before, int take, CancellationToken cancellationToken)
    {
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId);
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        if (before is { } b)
        {
            query = query.Where(d => d.CreatedAt < b);
        }

        return await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(cancellationToken);
    }

    public Task<WebhookDelivery?> FindAsync(Guid endpointId, Guid deliveryId, CancellationToken cancellationToken) =>
        db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, cancellationToken);

    /// <summary>Attempts of the given deliveries, oldest first, grouped by delivery.</summary>
    public async Task<ILookup<Guid, WebhookAttempt>> AttemptsAsync(IReadOnlyCollection<Guid> deliveryIds, CancellationToken cancellationToken) =>
        (await db.WebhookAttempts.AsNoTracking().Where(a => deliveryIds.Contains(a.DeliveryId))
            .OrderBy(a => a.AttemptedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken))
        .ToLookup(a => a.DeliveryId);

    /// <summary>Makes one delivery due now (any state but one already waiting). False when not found.</summary>
    public async Task<bool> RetryAsync(Guid endpointId, Guid deliveryId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = await db.WebhookDeliveries.AnyAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, cancellationToken);
        await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.EndpointId == endpointId && d.Status != WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.NextAttemptAt, now), cancellationToken);
        return found;
    }

    /// <summary>Makes every failed delivery of the endpoint created in [from, to) due now; returns how many.</summary>
    public Task<int> ReplayFailedAsync(Guid endpointId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.WebhookDeliveries
            .Where(d => d.EndpointId == endpointId && d.Status == WebhookDeliveryStatus.Failed && d.CreatedAt >= from && d.CreatedAt < to)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.NextAttemptAt, now), cancellationToken);
    }
}
