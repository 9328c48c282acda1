using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Outbox;
using Platform.Core.Text;

namespace Platform.Core.Catalog;

/// <summary>
/// A product's keys, each sold exactly once. Every state change is one conditional SQL statement on the current
/// tenant's scoped context (row-level security applies), so concurrent buyers can never get the same key:
/// reservation picks a row with <c>FOR UPDATE SKIP LOCKED</c> and the unique (tenant, order) index makes a retried
/// reservation for the same order return the key it already holds.
/// </summary>
public sealed class LicenseKeyPool(PlatformDbContext db, TimeProvider time)
{
    private const string Columns = "\"Id\", \"ProductId\", \"Value\", \"Status\", \"OrderId\", \"ReservedUntil\", \"CreatedAt\"";

    /// <summary>
    /// Reserves one key of <paramref name="productId"/> for <paramref name="orderId"/> until <paramref name="until"/>.
    /// Calling again for the same order returns the same key (and extends a live reservation). Null: sold out,
    /// or the order's key was revoked by a refund.
    /// </summary>
    public async Task<LicenseKey?> TryReserveAsync(Guid productId, Guid orderId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var held = await QueryKeyAsync($"""
                UPDATE "LicenseKeys" SET "ReservedUntil" = CASE WHEN "Status" = $5 THEN $4 ELSE "ReservedUntil" END
                WHERE "TenantId" = $1 AND "OrderId" = $2 AND "ProductId" = $3
                RETURNING {Columns}
                """, cancellationToken, TenantId, orderId, productId, until, nameof(LicenseKeyStatus.Reserved));
            if (held is not null)
            {
                return held.Status is LicenseKeyStatus.Reserved or LicenseKeyStatus.Sold ? held : null;
            }

            try
            {
                // Expired reservations count as available: a buyer who walked away does not hold stock. The pick is a
                // scalar subquery (run once, as an InitPlan): a joined subquery may be rescanned and pick several rows.
                return await QueryKeyAsync($"""
                    UPDATE "LicenseKeys" SET "Status" = $6, "OrderId" = $2, "ReservedUntil" = $4
                    WHERE "Id" = (SELECT "Id" FROM "LicenseKeys"
                                  WHERE "TenantId" = $1 AND "ProductId" = $3
                                    AND ("Status" = $7 OR ("Status" = $6 AND "ReservedUntil" < $5))
                                  ORDER BY "CreatedAt", "Id" LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING {Columns}
                    """,
                    cancellationToken, TenantId, orderId, productId, until, time.GetUtcNow(), nameof(LicenseKeyStatus.Reserved),
                        nameof(LicenseKeyStatus.Available));
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 3)
            {
                // The same order reserved concurrently and won: loop to return that key.
            }
        }
    }

    /// <summary>
    /// The order's reserved key becomes sold (idempotent: true when it already is). Emits <c>product.sold_out</c> in
    /// the same transaction when no available or reserved key of the product is left. Joins the caller's
    /// transaction when one is open on this context.
    /// </summary>
    public async Task<bool> MarkSoldAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var key = await QueryKeyAsync($"""SELECT {Columns} FROM "LicenseKeys" WHERE "TenantId" = $1 AND "OrderId" = $2""",
                cancellationToken, TenantId, orderId);
            if (key is null || key.Status is LicenseKeyStatus.Revoked or LicenseKeyStatus.Available)
            {
                return false;
            }

            if (key.Status == LicenseKeyStatus.Sold)
            {
                return true;
            }

            // Lock the product row: two last sales at once must not both (or neither) announce "sold out".
            await ExecuteAsync("""SELECT 1 FROM "Products" WHERE "TenantId" = $1 AND "Id" = $2 FOR UPDATE""",
                cancellationToken, TenantId, key.ProductId);
            var changed = await ExecuteAsync("""
                UPDATE "LicenseKeys" SET "Status" = $3, "ReservedUntil" = NULL
                WHERE "TenantId" = $1 AND "OrderId" = $2 AND "Status" = $4
                """, cancellationToken, TenantId, orderId, nameof(LicenseKeyStatus.Sold), nameof(LicenseKeyStatus.Reserved));
            if (changed == 1 && await CountAsync(key.ProductId, "\"Status\" IN ($4, $5)", cancellationToken) == 0)
            {
                var title = await db.Products.Where(p => p.Id == key.ProductId).Select(p => p.Title).FirstAsync(cancellationToken);
                db.AddOutboxEvent(new ProductSoldOut(key.ProductId, title), time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return changed == 1 || key.Status == LicenseKeyStatus.Sold;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Refund: the order's key is revoked and never sold again. True when the order had a key.</summary>
    public async Task<bool> RevokeAsync(Guid orderId, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            UPDATE "LicenseKeys" SET "Status" = $3, "ReservedUntil" = NULL
            WHERE "TenantId" = $1 AND "OrderId" = $2 AND "Status" IN ($4, $5, $3)
            """, cancellationToken, TenantId, orderId, nameof(LicenseKeyStatus.Revoked), nameof(LicenseKeyStatus.Reserved), nameof(LicenseKeyStatus.Sold)) > 0;

    /// <summary>Returns expired reservations of the current tenant to the pool; for a periodic job.</summary>
    public Task<int> ReleaseExpiredAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("""
            UPDATE "LicenseKeys" SET "Status" = $3, "OrderId" = NULL, "ReservedUntil" = NULL
            WHERE "TenantId" = $1 AND "Status" = $4 AND "ReservedUntil" < $2
            """, cancellationToken, TenantId, time.GetUtcNow(), nameof(LicenseKeyStatus.Available), nameof(LicenseKeyStatus.Reserved));

    /// <summary>Stock: keys that can be sold now (available, or reserved by a buyer whose hold expired).</summary>
    public Task<int> AvailableCountAsync(Guid productId, CancellationToken cancellationToken) =>
        CountAsync(productId, """("Status" = $4 OR ("Status" = $5 AND "ReservedUntil" < $3))""", cancellationToken);

    /// <summary>Stock of several products at once, for lists. Products without keys are absent (stock 0).</summary>
    public async Task<Dictionary<Guid, int>> AvailableCountsAsync(IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.LicenseKeys
            .Where(k => productIds.Contains(k.ProductId) &&
                        (k.Status == LicenseKeyStatus.Available || (k.Status == LicenseKeyStatus.Reserved && k.ReservedUntil < now)))
            .GroupBy(k => k.ProductId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }

    /// <summary>
    /// Adds keys to a product's pool. Blank values are skipped; a key already in the product (or twice in the batch)
    /// is counted as a duplicate and skipped — one INSERT … ON CONFLICT DO NOTHING, safe against concurrent adds.
    /// </summary>
    public async Task<KeyAddResult> AddAsync(Guid productId, IEnumerable<string> values, CancellationToken cancellationToken)
    {
        var candidates = values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        // The INSERT below is raw SQL, so the EF save guard never sees it: refuse the whole batch here instead.
        if (candidates.FindIndex(ForbiddenText.IsForbidden) is var bad and >= 0)
        {
            throw new TextRefusedException("keys", $"Key {bad + 1} {ForbiddenText.Message}; no keys were added.");
        }

        var tooLong = candidates.Count(v => v.Length > LicenseKey.ValueMaxLength);
        var fitting = candidates.Where(v => v.Length <= LicenseKey.ValueMaxLength).ToList();
        var distinct = fitting.Distinct(StringComparer.Ordinal).ToArray();
        var now = time.GetUtcNow();
        var ids = distinct.Select(_ => Guid.CreateVersion7(now)).ToArray();
        var added = distinct.Length == 0 ? 0 : await ExecuteAsync("""
            INSERT INTO "LicenseKeys" ("Id", "TenantId", "ProductId", "Value", "Status", "CreatedAt")
            SELECT id, $1, $2, value, $6, $3 FROM unnest($4, $5) WITH ORDINALITY AS t(id, value, n)
            ORDER BY n
            ON CONFLICT ("TenantId", "ProductId", "Value") DO NOTHING
            """, cancellationToken, TenantId, productId, now, ids, distinct, nameof(LicenseKeyStatus.Available));
        return new KeyAddResult(added, fitting.Count - added, tooLong);
    }

    private Guid TenantId => db.CurrentTenantId ?? throw new InvalidOperationException("The key pool needs a tenant scope.");

    /// <summary>
    /// Keys of the product matching <paramref name="condition"/>, which may use $3 (now), $4 (Available) and
    /// $5 (Reserved).
    /// </summary>
    private async Task<int> CountAsync(Guid productId, string condition, CancellationToken cancellationToken)
    {
        var result = await ScalarAsync($"""SELECT count(*) FROM "LicenseKeys" WHERE "TenantId" = $1 AND "ProductId" = $2 AND {condition}""",
            cancellationToken, TenantId, productId, time.GetUtcNow(), nameof(LicenseKeyStatus.Available), nameof(LicenseKeyStatus.Reserved));
        return Convert.ToInt32(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<LicenseKey?> QueryKeyAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        return await WithCommandAsync(sql, values, async command =>
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new LicenseKey
            {
                Id = reader.GetGuid(0),
                TenantId = TenantId,
                ProductId = reader.GetGuid(1),
                Value = reader.GetString(2),
                Status = Enum.Parse<LicenseKeyStatus>(reader.GetString(3)),
                OrderId = reader.IsDBNull(4) ? null : reader.GetGuid(4),
                ReservedUntil = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
            };
        }, cancellationToken);
    }

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values) =>
        WithCommandAsync(sql, values, command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    private Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object?[] values) =>
        WithCommandAsync(sql, values, command => command.ExecuteScalarAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Runs raw SQL on this context's connection (opened by EF, so the tenant session setting and RLS apply) and in
    /// its current transaction, if any.
    /// </summary>
    private async Task<T> WithCommandAsync<T>(string sql, object?[] values, Func<NpgsqlCommand, Task<T>> run, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(),
                db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction);
            command.Parameters.AddPositional(values);

            return await run(command);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
