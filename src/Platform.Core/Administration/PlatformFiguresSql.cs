namespace Platform.Core.Administration;

/// <summary>
/// The dashboard's statements, run as one batch by <see cref="PlatformFiguresReader"/> (one round trip; the sales pair by
/// <see cref="PlatformSalesCache"/> when the rollup has moved on). None reads the ledger: sales come from
/// <see cref="DailyStoreFigures"/> (the period's days), the rest from small tables or partial indexes. Statuses arrive as
/// parameters, never spelled here.
/// </summary>
internal static class PlatformFiguresSql
{
    /// <summary>$1 Suspended.</summary>
    public const string Stores = """SELECT count(*)::int, (count(*) FILTER (WHERE "Status" = $1))::int FROM "Tenants" """;

    /// <summary>$1 Active.</summary>
    public const string StoresWithActiveBot = """SELECT count(DISTINCT "TenantId")::int FROM "Bots" WHERE "Status" = $1""";

    /// <summary>$1 the period's first instant.</summary>
    public const string NewStores = """
        SELECT ("CreatedAt" AT TIME ZONE 'UTC')::date, count(*)::int FROM "Tenants" WHERE "CreatedAt" >= $1 GROUP BY 1
        """;

    /// <summary>$1 yesterday: when the last rollup pass ran (it rewrites yesterday and today with one ComputedAt).</summary>
    public const string RollupAt = """SELECT (SELECT "ComputedAt" FROM "DailyStoreFigures" WHERE "Day" >= $1 LIMIT 1)""";

    /// <summary>$1 first day, $2 last day.</summary>
    public const string Days = """
        SELECT "Day", sum("Sales")::bigint, sum("GrossStars")::bigint, sum("Refunds")::bigint, sum("RefundedStars")::bigint
        FROM "DailyStoreFigures" WHERE "Day" BETWEEN $1 AND $2 GROUP BY 1
        """;

    /// <summary>$1 first day, $2 last day: the ten stores with the most GMV (only stores that sold).</summary>
    public const string TopStores = """
        SELECT t."Id", t."Name", t."Slug", s.sales, s.gross, s.refunded
        FROM (SELECT "TenantId", sum("Sales")::bigint AS sales, sum("GrossStars")::bigint AS gross, sum("RefundedStars")::bigint AS refunded
              FROM "DailyStoreFigures" WHERE "Day" BETWEEN $1 AND $2
              GROUP BY 1 HAVING sum("GrossStars") > 0 ORDER BY gross DESC, 1 LIMIT 10) s
        JOIN "Tenants" t ON t."Id" = s."TenantId"
        ORDER BY s.gross DESC, t."Id"
        """;

    /// <summary>$1 Active.</summary>
    public const string Subscriptions = """
        SELECT count(*)::int, coalesce(sum("PriceStars"), 0)::bigint FROM "Subscriptions" WHERE "Status" = $1
        """;

    /// <summary>$1 the period's first instant.</summary>
    public const string WebhookAttempts = """
        SELECT count(*), count(*) FILTER (WHERE "StatusCode" BETWEEN 200 AND 299) FROM "WebhookAttempts" WHERE "AttemptedAt" >= $1
        """;

    /// <summary>$1 Pending (stored as its number).</summary>
    public const string WebhookBacklog = """
        SELECT count(*), count(*) FILTER (WHERE "AttemptCount" > 0) FROM "WebhookDeliveries" WHERE "Status" = $1
        """;

    public const string FailingEndpoints = """SELECT count(*)::int FROM "WebhookEndpoints" WHERE "FailingSince" IS NOT NULL""";

    /// <summary>$1 Broken.</summary>
    public const string FailingBotCount = """SELECT count(*)::int FROM "Bots" WHERE "Status" = $1 OR "LastError" IS NOT NULL""";

    /// <summary>$1 Broken, $2 how many: broken ones first, then the most recently synced.</summary>
    public const string FailingBots = """
        SELECT b."TenantId", t."Name", b."Username", b."Status" = $1, b."LastError"
        FROM "Bots" b JOIN "Tenants" t ON t."Id" = b."TenantId"
        WHERE b."Status" = $1 OR b."LastError" IS NOT NULL
        ORDER BY b."Status" = $1 DESC, b."LastSyncedAt" DESC NULLS LAST, b."Id"
        LIMIT $2
        """;
}
