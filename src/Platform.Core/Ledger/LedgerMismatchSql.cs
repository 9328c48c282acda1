using Npgsql;
using Platform.Core.Data;

namespace Platform.Core.Ledger;

/// <summary>
/// The two statements reconciliation writes mismatches with, added to a page's batch: flag (insert, or refresh an
/// existing row's amounts; a resolved one opens again with a new detection time) and resolve (stamp the open row). The
/// unique index on (tenant, bot, kind, reference) keeps one row however many passes see it, concurrent ones too.
/// </summary>
internal static class LedgerMismatchSql
{
    private const string FlagSql = """
        INSERT INTO "LedgerMismatches" ("Id", "TenantId", "BotId", "Kind", "Reference", "OurNanostars", "TelegramNanostars", "DetectedAt", "ResolvedAt")
        VALUES ($1, $2, $3, $4, $5, $6::bigint, $7::bigint, $8, NULL)
        ON CONFLICT ("TenantId", "BotId", "Kind", "Reference") DO UPDATE SET
            "OurNanostars" = EXCLUDED."OurNanostars", "TelegramNanostars" = EXCLUDED."TelegramNanostars",
            "DetectedAt" = CASE WHEN "LedgerMismatches"."ResolvedAt" IS NULL THEN "LedgerMismatches"."DetectedAt" ELSE EXCLUDED."DetectedAt" END,
            "ResolvedAt" = NULL
        """;

    private const string ResolveSql = """
        UPDATE "LedgerMismatches" SET "ResolvedAt" = $1
        WHERE "TenantId" = $2 AND "BotId" = $3 AND "Kind" = $4 AND "Reference" = $5 AND "ResolvedAt" IS NULL
        """;

    public static NpgsqlBatchCommand Flag(
        NpgsqlBatch batch, Guid tenantId, Guid botId, LedgerMismatchKind kind, string reference, long? ours, long? telegram, DateTimeOffset now) =>
        batch.Add(FlagSql, Guid.CreateVersion7(now), tenantId, botId, kind.ToString(), reference, ours, telegram, now);

    public static NpgsqlBatchCommand Resolve(NpgsqlBatch batch, Guid tenantId, Guid botId, LedgerMismatchKind kind, string reference, DateTimeOffset now) =>
        batch.Add(ResolveSql, now, tenantId, botId, kind.ToString(), reference);

    /// <summary>
    /// The one matching rule for a payment or refund Telegram lists, against the ledger's row for its key
    /// (<paramref name="ours"/>, unsigned nanostars; null when the ledger has none): no row is "missing here" (flagged,
    /// never credited); a row resolves "missing here", and its amount either agrees (an amount mismatch resolves) or is
    /// flagged. Used for each page's transactions and for the recheck of open mismatches after the last page. True when
    /// it flagged; the resolving statements are added to <paramref name="resolved"/> (their counts are known after the batch).
    /// </summary>
    public static bool Match(
        NpgsqlBatch batch, Guid tenantId, Guid botId, string key, long? ours, long? telegram, DateTimeOffset now, List<NpgsqlBatchCommand> resolved)
    {
        if (ours is null)
        {
            Flag(batch, tenantId, botId, LedgerMismatchKind.MissingHere, key, null, telegram, now);
            return true;
        }

        resolved.Add(Resolve(batch, tenantId, botId, LedgerMismatchKind.MissingHere, key, now));
        if (ours != telegram)
        {
            Flag(batch, tenantId, botId, LedgerMismatchKind.AmountDiffers, key, ours, telegram, now);
            return true;
        }

        resolved.Add(Resolve(batch, tenantId, botId, LedgerMismatchKind.AmountDiffers, key, now));
        return false;
    }
}
