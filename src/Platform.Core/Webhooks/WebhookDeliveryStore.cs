using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Core.Data;
using Platform.Core.Telemetry;

namespace Platform.Core.Webhooks;

/// <summary>
/// The sender's set-based SQL: record a whole batch's attempts, delivery states and the endpoint's health in one round
/// trip, and release the lease (the claim is <see cref="WebhookSenderClaim"/>). EF Core row-by-row saving would cap throughput far below 2,000/s.
/// Runs on a tenant-scoped context, so row-level security applies to every statement.
/// </summary>
internal sealed class WebhookDeliveryStore(PlatformDbContext db, TimeProvider clock, WebhookOptions options)
{
    private Guid TenantId => db.CurrentTenantId ?? throw new InvalidOperationException("A tenant-scoped context is required.");

    public Task ReleaseLeaseAsync(Guid endpointId, CancellationToken cancellationToken) =>
        db.WebhookEndpoints.Where(e => e.Id == endpointId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.SenderLeaseUntil, (DateTimeOffset?)null), cancellationToken);

    /// <summary>Writes the attempts, the deliveries' new states and the endpoint's health; disables it on 410 or after failing too long.</summary>
    public async Task RecordAsync(Guid endpointId, IReadOnlyList<ClaimedDelivery> batch, IReadOnlyList<WebhookResponse> results,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var n = batch.Count;
        var attemptIds = new Guid[n];
        var statuses = new int[n];
        var nextAttempts = new DateTimeOffset?[n];
        for (var i = 0; i < n; i++)
        {
            attemptIds[i] = Guid.CreateVersion7(now);
            var attempts = batch[i].AttemptCount + 1;
            var next = results[i].IsSuccess ? null : WebhookRetrySchedule.NextAttempt(attempts, now, results[i].RetryAfter);
            statuses[i] = (int)(results[i].IsSuccess ? WebhookDeliveryStatus.Succeeded : next is null ? WebhookDeliveryStatus.Failed
                : WebhookDeliveryStatus.Pending);
            nextAttempts[i] = next;
        }

        var anySuccess = results.Any(r => r.IsSuccess);
        var gone = results.Any(r => r.StatusCode == 410);
        var connection = await OpenAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var sql = new NpgsqlBatch(connection, transaction);
            // Losing this commit in a crash only means these deliveries are sent again (at-least-once anyway), so
            // it need not wait for the WAL flush. Outbox writes and dispatch keep synchronous commit.
            sql.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit TO OFF"));
            sql.Add("""
                INSERT INTO "WebhookAttempts" ("Id", "TenantId", "DeliveryId", "EndpointId", "AttemptedAt", "StatusCode", "LatencyMs", "ResponseExcerpt", "Error")
                SELECT u.id, $1, u.delivery, $2, $3, u.status, u.latency, u.excerpt, u.error
                FROM unnest($4::uuid[], $5::uuid[], $6::int[], $7::int[], $8::text[], $9::text[]) AS u(id, delivery, status, latency, excerpt, error)
                """, TenantId, endpointId, now, attemptIds, batch.Select(b => b.Id).ToArray(), results.Select(r => r.StatusCode).ToArray(),
                results.Select(r => r.LatencyMs).ToArray(), results.Select(r => Clean(r.Excerpt)).ToArray(), results.Select(r => Clean(r.Error)).ToArray());
            sql.Add("""
                UPDATE "WebhookDeliveries" d
                SET "Status" = u.status, "AttemptCount" = d."AttemptCount" + 1, "NextAttemptAt" = u.next, "LastAttemptAt" = $2, "LastStatusCode" = u.code
                FROM unnest($3::uuid[], $4::int[], $5::timestamptz[], $6::int[]) AS u(id, status, next, code)
                WHERE d."Id" = u.id AND d."Id" = ANY ($3::uuid[]) AND d."TenantId" = $1
                """, TenantId, now, batch.Select(b => b.Id).ToArray(), statuses, nextAttempts, results.Select(r => r.StatusCode).ToArray());
            sql.Add("""
                UPDATE "WebhookEndpoints" SET
                    "LastSuccessAt" = CASE WHEN $4 THEN $3 ELSE "LastSuccessAt" END,
                    "FailingSince" = CASE WHEN $4 THEN NULL ELSE COALESCE("FailingSince", $3) END
                WHERE "Id" = $2 AND "TenantId" = $1
                """, TenantId, endpointId, now, anySuccess);
            // 410 Gone, or failing since longer than allowed with no success in this batch either: turn it off.
            sql.Add("""
                UPDATE "WebhookEndpoints" SET "Enabled" = false, "DisabledAt" = $3, "DisabledAutomatically" = true,
                    "DisabledReason" = CASE WHEN $4 THEN $5 ELSE $6 END
                WHERE "Id" = $2 AND "TenantId" = $1 AND "Enabled" AND ($4 OR "FailingSince" <= $7)
                """, TenantId, endpointId, now, gone, WebhookDisabledReasons.Gone, WebhookDisabledReasons.FailingTooLong, now - options.DisableAfterFailingFor);
            await sql.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        CountAttempts(batch, results, statuses, now);
    }

    /// <summary>
    /// The attempts just recorded, for <c>starfront_webhook_deliveries_total</c> and the lag histogram: delivered,
    /// retrying (tried again later), gave_up (no attempt left), failed (410 Gone: the endpoint is turned off).
    /// </summary>
    private static void CountAttempts(IReadOnlyList<ClaimedDelivery> batch, IReadOnlyList<WebhookResponse> results, int[] statuses, DateTimeOffset now)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].IsSuccess)
            {
                BusinessMetrics.WebhookAttempt(MetricLabels.Delivered);
                if (batch[i].EventCreatedAt != default)
                {
                    BusinessMetrics.WebhookDelivered(now - batch[i].EventCreatedAt);
                }
            }
            else
            {
                BusinessMetrics.WebhookAttempt(results[i].StatusCode == 410 ? MetricLabels.Failed
                    : statuses[i] == (int)WebhookDeliveryStatus.Failed ? MetricLabels.GaveUp : MetricLabels.Retrying);
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken); // the interceptor sets app.tenant_id for RLS
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }

    /// <summary>PostgreSQL text cannot hold NUL; a binary response must not break the log.</summary>
    private static string? Clean(string? value) => value?.Replace('\0', '\uFFFD');
}
