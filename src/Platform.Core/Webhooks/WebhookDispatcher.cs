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
            (claimed, var created, var leased) = await DispatchBatchAsync(db, cancellationToken);
            if (created > 0)
            {
                senderSignals.Pulse(tenantId); // this process's running senders of the tenant look now
            }

            StartSenders(tenantId, leased, local); // during a backlog: send while dispatching the rest
        }
        while (claimed == options.Value.DispatchBatchSize); // a full batch: more may be waiting
    }

    private void StartSenders(Guid tenantId, List<Guid> leased, WebhookLocalSenders? local)
    {
        foreach (var endpointId in leased)
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
    /// <see cref="DispatchAsync"/>, also returning how many deliveries it created (when any, the same statement NOTIFYs
    /// <see cref="WebhookSenderSignals.DueChannel"/> at commit, so senders running in other replicas look now), and in the
    /// same round trip and transaction — one commit per pass, not three — disables endpoints failing too long and takes the
    /// sender lease of every enabled endpoint with due deliveries whose lease is free (returned: start their senders).
    /// The row lock makes the second of two racing replicas re-check the lease and skip the endpoint.
    /// </summary>
    private async Task<(int Claimed, int Created, List<Guid> Leased)> DispatchBatchAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId ?? throw new TenantMismatchException("Dispatching needs a tenant-scoped context.");
        var now = clock.GetUtcNow();
        await using var open = await db.EnsureOpenAsync(cancellationToken);
        await using var sql = db.CreateBatch();
        sql.Add(WebhookDispatchSql.Dispatch, tenantId, now, options.Value.DispatchBatchSize, (int)WebhookDeliveryStatus.Pending, tenantId.ToString("N"));
        sql.Add(WebhookDispatchSql.DisableLongFailing, tenantId, now, WebhookDisabledReasons.FailingTooLong, now - options.Value.DisableAfterFailingFor);
        sql.Add(WebhookDispatchSql.LeaseDueEndpoints, now + options.Value.SenderLease, tenantId, now);
        await using var result = await sql.ExecuteReaderAsync(cancellationToken);
        await result.ReadAsync(cancellationToken);
        var (claimed, created) = (result.GetInt32(0), result.GetInt32(1));
        await result.NextResultAsync(cancellationToken); // the endpoints just disabled
        await result.NextResultAsync(cancellationToken);
        var leased = new List<Guid>();
        while (await result.ReadAsync(cancellationToken))
        {
            leased.Add(result.GetGuid(0));
        }

        return (claimed, created, leased);
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
