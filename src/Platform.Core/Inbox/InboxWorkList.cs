using Npgsql;
using NpgsqlTypes;
using Platform.Core.Data;

namespace Platform.Core.Inbox;

/// <summary>
/// The processor's statements on its own (tenant-bound) connection, each one round trip: the updates finished since the
/// last look are marked processed in the same batch that fetches the next update of every idle chat, so a rush costs
/// one statement pair per wake-up instead of a scope, a connection and two queries per update.
/// </summary>
internal static class InboxWorkList
{
    private const string MarkSql = """
        UPDATE "InboxUpdates" SET "ProcessedAt" = $1, "LastError" = NULL WHERE "TenantId" = $2 AND "Id" = ANY($3)
        """;

    // DISTINCT ON walks IX_InboxUpdates_Unprocessed (tenant, bot, chat, update_id) in order: the oldest update per chat.
    private const string HeadsSql = """
        SELECT DISTINCT ON ("ChatId") "Id", "ChatId", "UpdateId", "Payload", "Attempts", "TraceParent"
        FROM "InboxUpdates"
        WHERE "TenantId" = $1 AND "BotId" = $2 AND "ProcessedAt" IS NULL AND NOT (COALESCE("ChatId", $3) = ANY($4))
        ORDER BY "ChatId", "UpdateId"
        LIMIT $5
        """;

    /// <summary>Marks <paramref name="done"/> processed, then returns the oldest pending update of up to
    /// <paramref name="limit"/> chats not in <paramref name="busyLanes"/>.</summary>
    public static async Task<List<PendingUpdate>> MarkAndFetchAsync(
        NpgsqlConnection connection, Guid tenantId, Guid botId, IReadOnlyCollection<long> done, IReadOnlyCollection<long> busyLanes, int limit,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (done.Count > 0)
        {
            AddMark(batch, tenantId, done, now);
        }

        batch.Add(HeadsSql, tenantId, botId, PendingUpdate.LaneOf(null), busyLanes.ToArray(), limit);
        var result = new List<PendingUpdate>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (reader.FieldCount == 6 && await reader.ReadAsync(cancellationToken))
            {
                result.Add(new PendingUpdate(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2),
                    reader.GetFieldValue<byte[]>(3), reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return result;
    }

    public static async Task MarkAsync(NpgsqlConnection connection, Guid tenantId, IReadOnlyCollection<long> done, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (done.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection);
        AddMark(batch, tenantId, done, now);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A failed attempt: counted with its error; a poisoned update (too many attempts, unreadable) is set aside as processed.</summary>
    public static async Task RecordFailureAsync(
        NpgsqlConnection connection, Guid tenantId, long id, int attempts, string error, DateTimeOffset? setAsideAt, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        var update = batch.Add("""
            UPDATE "InboxUpdates" SET "Attempts" = $1, "LastError" = $2, "ProcessedAt" = $3 WHERE "TenantId" = $4 AND "Id" = $5
            """, attempts, error, setAsideAt, tenantId, id);
        update.Parameters[2].NpgsqlDbType = NpgsqlDbType.TimestampTz; // typed even when null (not set aside)
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<bool> AnyPendingAsync(NpgsqlConnection connection, Guid tenantId, Guid botId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.Add("""
            SELECT EXISTS (SELECT 1 FROM "InboxUpdates" WHERE "TenantId" = $1 AND "BotId" = $2 AND "ProcessedAt" IS NULL)
            """, tenantId, botId);
        return (bool)(await batch.ExecuteScalarAsync(cancellationToken))!;
    }

    private static void AddMark(NpgsqlBatch batch, Guid tenantId, IReadOnlyCollection<long> done, DateTimeOffset now) =>
        batch.Add(MarkSql, now, tenantId, done.ToArray());
}
