using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Payments;

/// <summary>
/// Stand-in for the merchant side's LicenseKeyPool until it lands on main. Every transition is one conditional
/// UPDATE: a key is reserved for one order (SKIP LOCKED so concurrent buyers take different keys, the unique
/// (tenant, order) index so an order never holds two), sold only from its own reservation, revoked after a refund.
/// </summary>
public sealed class LicenseKeyReservations(PlatformDbContext db)
{
    public static readonly TimeSpan ReservationLength = TimeSpan.FromMinutes(15);

    public async Task<bool> TryReserveAsync(Guid productId, Guid orderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now + ReservationLength;
        var tenantId = db.CurrentTenantId;
        // Already ours (a repeated pre-checkout for the same order): extend and answer yes.
        var extended = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "LicenseKeys" SET "ReservedUntil" = {until}
            WHERE "TenantId" = {tenantId} AND "OrderId" = {orderId} AND "Status" = 'Reserved'
            """, cancellationToken);
        if (extended > 0)
        {
            return true;
        }

        try
        {
            return await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "LicenseKeys" SET "Status" = 'Reserved', "OrderId" = {orderId}, "ReservedUntil" = {until}
                WHERE "Id" = (
                    SELECT "Id" FROM "LicenseKeys"
                    WHERE "TenantId" = {tenantId} AND "ProductId" = {productId}
                      AND ("Status" = 'Available' OR ("Status" = 'Reserved' AND "ReservedUntil" < {now}))
                    ORDER BY "CreatedAt", "Id" LIMIT 1 FOR UPDATE SKIP LOCKED)
                """, cancellationToken) == 1;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            // The same order reserved concurrently through a duplicate query: it holds a key, which is what we want.
            return await db.LicenseKeys.AnyAsync(k => k.OrderId == orderId, cancellationToken);
        }
    }

    /// <summary>True when a key could still be reserved now (for a friendly "sold out" before the invoice).</summary>
    public Task<bool> InStockAsync(Guid productId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.LicenseKeys.AnyAsync(k => k.ProductId == productId
            && (k.Status == Catalog.LicenseKeyStatus.Available || (k.Status == Catalog.LicenseKeyStatus.Reserved && k.ReservedUntil < now)), cancellationToken);

    /// <summary>Sells the order's reserved key; if the reservation lapsed and was taken, reserves another first.</summary>
    public async Task<Guid?> MarkSoldAsync(Guid productId, Guid orderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.LicenseKeys.Where(k => k.OrderId == orderId).Select(k => new { k.Id, k.Status }).FirstOrDefaultAsync(cancellationToken);
        if (existing is null && !await TryReserveAsync(productId, orderId, now, cancellationToken))
        {
            return null;
        }

        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "LicenseKeys" SET "Status" = 'Sold', "ReservedUntil" = NULL
            WHERE "TenantId" = {db.CurrentTenantId} AND "OrderId" = {orderId} AND "Status" = 'Reserved'
            """, cancellationToken);
        return await db.LicenseKeys.Where(k => k.OrderId == orderId).Select(k => (Guid?)k.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A refunded key is never sold again.</summary>
    public Task<int> RevokeAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "LicenseKeys" SET "Status" = 'Revoked', "ReservedUntil" = NULL
            WHERE "TenantId" = {db.CurrentTenantId} AND "OrderId" = {orderId} AND "Status" IN ('Sold', 'Reserved')
            """, cancellationToken);
}
