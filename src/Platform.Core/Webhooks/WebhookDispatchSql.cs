using Platform.Core.Outbox;

namespace Platform.Core.Webhooks;

/// <summary>
/// The three statements of one dispatch pass (<see cref="WebhookDispatcher"/>), sent as one batch so a pass costs one
/// round trip and one commit. Kept apart so the dispatcher reads as the pass's steps, not as SQL.
/// </summary>
internal static class WebhookDispatchSql
{
    /// <summary>
    /// $1 tenant, $2 now, $3 batch size, $4 pending status, $5 tenant ("N"): claims undispatched events (SKIP LOCKED, so
    /// replicas take different ones), creates a delivery per matching enabled endpoint, marks the events dispatched and,
    /// when it created any, NOTIFYs <see cref="WebhookSenderSignals.DueChannel"/>. One row: claimed, created, announced.
    /// </summary>
    public static readonly string Dispatch = $"""
        WITH claimed AS (
            SELECT "Id", "Type", "Data" FROM "OutboxEvents"
            WHERE "DispatchedAt" IS NULL AND "TenantId" = $1
            ORDER BY "CreatedAt" LIMIT $3
            FOR UPDATE SKIP LOCKED
        ), marked AS (
            UPDATE "OutboxEvents" o SET "DispatchedAt" = $2 FROM claimed c WHERE o."Id" = c."Id" RETURNING o."Id"
        ), inserted AS (
            INSERT INTO "WebhookDeliveries"
                ("Id", "TenantId", "EndpointId", "EventId", "EventType", "Status", "AttemptCount", "NextAttemptAt", "CreatedAt")
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
        """;

    /// <summary>$1 tenant, $2 now, $3 reason, $4 cutoff: turns off endpoints failing since before the cutoff.</summary>
    public const string DisableLongFailing = """
        UPDATE "WebhookEndpoints" SET "Enabled" = false, "DisabledAt" = $2, "DisabledAutomatically" = true, "DisabledReason" = $3
        WHERE "TenantId" = $1 AND "Enabled" AND "FailingSince" <= $4
        RETURNING "Id"
        """;

    /// <summary>
    /// $1 lease until, $2 tenant, $3 now: takes the sender lease of every enabled endpoint with due deliveries whose lease
    /// is free; returns those endpoints. Only rows it updates are locked, so a running sender's endpoint is never waited on.
    /// </summary>
    public static readonly string LeaseDueEndpoints = $"""
        UPDATE "WebhookEndpoints" e SET "SenderLeaseUntil" = $1
        WHERE e."TenantId" = $2 AND e."Enabled"
          AND (e."SenderLeaseUntil" IS NULL OR e."SenderLeaseUntil" < $3)
          AND EXISTS (SELECT 1 FROM "WebhookDeliveries" d WHERE d."EndpointId" = e."Id" AND d.{WebhookDeliverySql.IsPending} AND d."NextAttemptAt" <= $3)
        RETURNING e."Id"
        """;
}
