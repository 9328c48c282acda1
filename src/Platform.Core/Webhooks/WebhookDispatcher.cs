using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Core.Data;
using Platform.Core.Jobs;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;

namespace Platform.Core.Webhooks;

/// <summary>
/// Turns a tenant's undispatched outbox events into per-endpoint deliveries and hands endpoints with due
/// deliveries to sender jobs (one Hangfire job per endpoint, never per delivery). Called every tick by
/// <see cref="WebhookPump"/> and, as a safety net, by the one recurring <see cref="SweepAsync"/> job that fans out per tenant.
/// With <see cref="WebhookOptions.WakeOnNotify"/> a notified pass (<see cref="WebhookWakeups"/>) starts senders in-process
/// instead (<see cref="WebhookLocalSenders"/>) and wakes the running ones, so nothing waits for a poll or a queue.
/// </summary>
public sealed class WebhookDispatcher(
    TenantJobScope jobScope,
    CrossTenantReaderFactory readers,
    IBackgroundJobClient jobs,
    WebhookSenderSignals senderSignals,
    IOptions<WebhookOptions> options,
    TimeProvider clock)
{
    public const string RecurringJobId = "webhooks:sweep";

    /// <summary>Recurring (every minute): fans out one <see cref="PumpTenantAsync"/> job per tenant with work.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        foreach (var tenantId in await TenantsWithWorkAsync(cancellationToken))
        {
            jobs.Enqueue<WebhookDispatcher>(d => d.PumpTenantAsync(tenantId, CancellationToken.None));
        }
    }

    /// <summary>Tenants with undispatched events, due deliveries on an idle endpoint, or an endpoint failing too long.</summary>
    public async Task<IReadOnlyList<Guid>> TenantsWithWorkAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var reader = readers.CreateReader();
        // Suspended stores are left out: their events wait undispatched and their deliveries pending (held, docs/webhooks.md).
        return await QueryIdsAsync(reader, $"""
            SELECT w."TenantId" FROM (
                SELECT "TenantId" FROM "OutboxEvents" WHERE "DispatchedAt" IS NULL
                UNION
                SELECT e."TenantId" FROM "WebhookEndpoints" e
                WHERE e."Enabled" AND (e."SenderLeaseUntil" IS NULL OR e."SenderLeaseUntil" < $1)
                  AND EXISTS (SELECT 1 FROM "WebhookDeliveries" d
                              WHERE d."EndpointId" = e."Id" AND d.{WebhookDeliverySql.IsPending} AND d."NextAttemptAt" <= $1)
                UNION
                SELECT "TenantId" FROM "WebhookEndpoints" WHERE "Enabled" AND "FailingSince" <= $2
            ) w
            WHERE {WebhookDeliverySql.TenantIsActive("w.\"TenantId\"")}
            """, [now, now - options.Value.DisableAfterFailingFor], cancellationToken);
    }

    /// <summary>One tenant's round: dispatch its outbox, disable endpoints failing too long, start senders for due endpoints.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task PumpTenantAsync(Guid tenantId, CancellationToken cancellationToken) => PumpTenantAsync(tenantId, null, cancellationToken);

    /// <summary>
    /// <see cref="PumpTenantAsync(Guid, CancellationToken)"/>, starting senders through <paramref name="local"/> when given
    /// (in-process, at once; Hangfire jobs only for endpoints beyond its limit).
    /// </summary>
    internal Task PumpTenantAsync(Guid tenantId, WebhookLocalSenders? local, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, (tenant, services) => tenant.IsActive
            ? PumpAsync(services.GetRequiredService<PlatformDbContext>(), tenantId, local, cancellationToken)
            : Task.CompletedTask, cancellationToken); // suspended: held, nothing dispatched, disabled or sent

    private async Task PumpAsync(PlatformDbContext db, Guid tenantId, WebhookLocalSenders? local, CancellationToken cancellationToken)
    {
        int claimed;
        do
        {
            (claimed, var created) = await DispatchBatchAsync(db, cancellationToken);
            if (created > 0)
            {
                senderSignals.Pulse(tenantId); // this process's running senders of the tenant look now
                if (local is not null && claimed == options.Value.DispatchBatchSize)
                {
                    await StartSendersAsync(db, tenantId, local, cancellationToken); // a backlog: send while dispatching the rest
                }
            }
        }
        while (claimed == options.Value.DispatchBatchSize); // a full batch: more may be waiting

        await DisableLongFailingAsync(db, cancellationToken);
        await StartSendersAsync(db, tenantId, local, cancellationToken);
    }

    private async Task StartSendersAsync(PlatformDbContext db, Guid tenantId, WebhookLocalSenders? local, CancellationToken cancellationToken)
    {
        foreach (var endpointId in await LeaseDueEndpointsAsync(db, cancellationToken))
        {
            if (local is null || !local.TryStart(tenantId, endpointId))
            {
                jobs.Enqueue<WebhookSender>(s => s.SendAsync(tenantId, endpointId, CancellationToken.None));
            }
        }
    }

    /// <summary>
    /// Claims up to one batch of the context's tenant's undispatched events (SKIP LOCKED, so replicas take different
    /// ones), creates a delivery per matching enabled endpoint and marks the events dispatched — one statement,
    /// so one transaction. Returns the number of events claimed.
    /// </summary>
    public async Task<int> DispatchAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        (await DispatchBatchAsync(db, cancellationToken)).Claimed;

    /// <summary>
    /// <see cref="DispatchAsync"/>, also returning how many deliveries it created; when it created any, the same statement
    /// NOTIFYs <see cref="WebhookSenderSignals.DueChannel"/> (at commit) so senders running in other replicas look now.
    /// </summary>
    private async Task<(int Claimed, int Created)> DispatchBatchAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId ?? throw new TenantMismatchException("Dispatching needs a tenant-scoped context.");
        var now = clock.GetUtcNow();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"""
                WITH claimed AS (
                    SELECT "Id", "Type", "Data" FROM "OutboxEvents"
                    WHERE "DispatchedAt" IS NULL AND "TenantId" = $1
                    ORDER BY "CreatedAt" LIMIT $3
                    FOR UPDATE SKIP LOCKED
                ), marked AS (
                    UPDATE "OutboxEvents" o SET "DispatchedAt" = $2 FROM claimed c WHERE o."Id" = c."Id" RETURNING o."Id"
                ), inserted AS (
                    INSERT INTO "WebhookDeliveries" ("Id", "TenantId", "EndpointId", "EventId", "EventType", "Status", "AttemptCount", "NextAttemptAt", "CreatedAt")
                    SELECT gen_random_uuid(), $1, e."Id", c."Id", c."Type", $4, 0, $2, $2
                    FROM claimed c JOIN "WebhookEndpoints" e ON e."TenantId" = $1 AND e."Enabled"
                    WHERE CASE WHEN c."Type" = '{EventTypes.WebhookTest}' THEN c."Data" ->> 'endpoint_id' = e."Id"::text
                               ELSE cardinality(e."EventTypes") = 0 OR c."Type" = ANY (e."EventTypes") END
                    ON CONFLICT ("TenantId", "EndpointId", "EventId") DO NOTHING
                    RETURNING 1
                ), announced AS (
                    SELECT pg_notify('{WebhookSenderSignals.DueChannel}', $5) FROM (SELECT 1 FROM inserted LIMIT 1) i
                )
                SELECT (SELECT count(*) FROM marked)::int, (SELECT count(*) FROM inserted)::int, (SELECT count(*) FROM announced)::int
                """, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.AddPositional(tenantId, now, options.Value.DispatchBatchSize, (int)WebhookDeliveryStatus.Pending, tenantId.ToString("N"));
            await using var result = await command.ExecuteReaderAsync(cancellationToken);
            await result.ReadAsync(cancellationToken);
            return (result.GetInt32(0), result.GetInt32(1));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task DisableLongFailingAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.DisableAfterFailingFor;
        await db.WebhookEndpoints
            .Where(e => e.Enabled && e.FailingSince <= cutoff)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Enabled, false)
                .SetProperty(e => e.DisabledAt, now)
                .SetProperty(e => e.DisabledAutomatically, true)
                .SetProperty(e => e.DisabledReason, WebhookDisabledReasons.FailingTooLong), cancellationToken);
    }

    /// <summary>Takes the sender lease of every enabled endpoint with due deliveries whose lease is free; returns those endpoints.</summary>
    private async Task<List<Guid>> LeaseDueEndpointsAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lease = now + options.Value.SenderLease;
        // The row lock makes the second of two racing replicas re-check the lease and skip the endpoint.
        return await QueryIdsAsync(db, $"""
            UPDATE "WebhookEndpoints" e SET "SenderLeaseUntil" = $1
            WHERE e."TenantId" = $2 AND e."Enabled"
              AND (e."SenderLeaseUntil" IS NULL OR e."SenderLeaseUntil" < $3)
              AND EXISTS (SELECT 1 FROM "WebhookDeliveries" d WHERE d."EndpointId" = e."Id" AND d.{WebhookDeliverySql.IsPending} AND d."NextAttemptAt" <= $3)
            RETURNING e."Id"
            """, [lease, db.CurrentTenantId, now], cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (ids in its first column; <see cref="SqlParameters"/> values) on the context's
    /// connection, which EF opens so the context's tenant (or cross-tenant) session applies.
    /// </summary>
    private static async Task<List<Guid>> QueryIdsAsync(PlatformDbContext db, string sql, object?[] values, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.AddPositional(values);
            await using var result = await command.ExecuteReaderAsync(cancellationToken);
            var ids = new List<Guid>();
            while (await result.ReadAsync(cancellationToken))
            {
                ids.Add(result.GetGuid(0));
            }

            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
