using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Platform.Core.Data;

namespace Platform.Core.Webhooks;

/// <summary>
/// The end of a suspension's webhook hold. While a store is suspended nothing is sent to its endpoints (the pump and
/// the sender's claim skip it), so an endpoint that was failing before must not be blamed for the held time: its
/// failing clock restarts at the reactivation, or the first pump tick after it would disable the endpoint for failing
/// "too long". Runs in the reactivation's own transaction (docs/webhooks.md, "Suspended stores").
/// </summary>
public static class WebhookHold
{
    /// <summary>
    /// Restarts the failing clock of the tenant's failing endpoints, in <paramref name="db"/>'s open transaction: the
    /// statement runs as that tenant (a transaction-local setting, so row-level security applies), then the context's
    /// own tenant setting is put back for the rest of the transaction.
    /// </summary>
    public static async Task ReleaseAsync(PlatformDbContext db, Guid tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("Releasing the webhook hold belongs in the reactivation's transaction.");
        var restart = new NpgsqlBatchCommand("""UPDATE "WebhookEndpoints" SET "FailingSince" = $1 WHERE "TenantId" = $2 AND "FailingSince" IS NOT NULL""");
        restart.Parameters.AddPositional(now, tenantId);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), transaction)
        {
            BatchCommands = { TenantSession.Set(tenantId, transactionLocal: true), restart, TenantSession.Set(db.CurrentTenantId, transactionLocal: true) },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
