using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Core.Data;

namespace Platform.Core.Ledger;

/// <summary>
/// Builds ledger rows for the writers in other modules (payments, refunds, renewals, reconciliation), so each kind's
/// sign, key and release time are decided here once. The caller adds the row to its own context (or inserts it with
/// <see cref="InsertWhereSql"/>) inside the transaction that records the payment or refund itself.
/// </summary>
public sealed class LedgerEntries(IOptions<LedgerOptions> options, TimeProvider time)
{
    /// <summary>A buyer's charge (an order, a plan's first period, or a renewal): a credit on hold for the platform's hold.</summary>
    public StarLedgerEntry SaleCredit(Guid botId, string chargeId, long stars, Guid? orderId, bool renewal, DateTimeOffset at, string? note = null) =>
        New(botId, renewal ? StarLedgerKind.Renewal : StarLedgerKind.Payment, LedgerAmount.FromStars(stars), at, at + options.Value.Hold,
            LedgerKeys.Payment(chargeId), chargeId, orderId, note);

    /// <summary>A charge given back: a debit of its whole amount.</summary>
    public StarLedgerEntry RefundDebit(Guid botId, string chargeId, long stars, Guid? orderId, DateTimeOffset at, string? note = null) =>
        New(botId, StarLedgerKind.Refund, -LedgerAmount.FromStars(stars), at, at, LedgerKeys.Refund(chargeId), chargeId, orderId, note);

    /// <summary>A row for a Telegram transaction the platform did not originate (withdrawals, other income and spending).</summary>
    public StarLedgerEntry FromTelegram(Guid botId, StarLedgerKind kind, LedgerAmount amount, DateTimeOffset at, string key, string transactionId, string? note)
    {
        var releasesAt = kind == StarLedgerKind.OtherIncome ? at + options.Value.Hold : at;
        return New(botId, kind, amount, at, releasesAt, key, transactionId, null, note);
    }

    /// <summary>A correction with its reason; a positive one is withdrawable at once.</summary>
    public StarLedgerEntry Adjustment(Guid botId, LedgerAmount amount, string reason, DateTimeOffset at)
    {
        var id = Guid.CreateVersion7(at);
        return New(botId, StarLedgerKind.Adjustment, amount, at, at, LedgerKeys.Adjustment(id), null, null, reason);
    }

    private StarLedgerEntry New(
        Guid botId, StarLedgerKind kind, LedgerAmount amount, DateTimeOffset at, DateTimeOffset releasesAt, string key, string? transactionId,
        Guid? orderId, string? note) => new()
        {
            Id = Guid.CreateVersion7(at),
            BotId = botId,
            Kind = kind,
            Stars = amount.Stars,
            Nanostars = amount.Nanostars,
            At = at,
            ReleasesAt = releasesAt,
            Key = key,
            TelegramTransactionId = transactionId,
            OrderId = orderId,
            Note = note,
            RecordedAt = time.GetUtcNow(),
        };

    /// <summary>
    /// <c>INSERT … SELECT … FROM {source} ON CONFLICT DO NOTHING</c>: the row is written only when the CTE
    /// <paramref name="source"/> returned a row, in the same statement. Parameters from <paramref name="first"/> are
    /// <see cref="InsertValues"/>' thirteen.
    /// </summary>
    public static string InsertWhereSql(string source, int first)
    {
        // Typed, because a SELECT list gives untyped parameters (and nulls) the type text.
        string[] types = ["uuid", "uuid", "uuid", "text", "bigint", "integer", "timestamptz", "timestamptz", "text", "text", "uuid", "text", "timestamptz"];
        var p = types.Select((type, i) => $"${first + i}::{type}").ToArray();
        return """
            INSERT INTO "StarLedger" ("Id", "TenantId", "BotId", "Kind", "Stars", "Nanostars", "At", "ReleasesAt", "Key", "TelegramTransactionId",
                "OrderId", "Note", "RecordedAt")
            """ + $"""
             SELECT {string.Join(", ", p)} FROM {source} ON CONFLICT ("TenantId", "BotId", "Key") DO NOTHING
            """;
    }

    public static object[] InsertValues(StarLedgerEntry e, Guid tenantId) =>
    [
        e.Id, tenantId, e.BotId, e.Kind.ToString(), e.Stars, e.Nanostars, e.At, e.ReleasesAt, e.Key, (object?)e.TelegramTransactionId ?? DBNull.Value,
        (object?)e.OrderId ?? DBNull.Value, (object?)e.Note ?? DBNull.Value, e.RecordedAt,
    ];

    /// <summary>
    /// Inserts <paramref name="entry"/> unless its key is written already (true when this call wrote it), on the context's
    /// connection and inside its open transaction, if any.
    /// </summary>
    public static async Task<bool> InsertOnceAsync(PlatformDbContext db, StarLedgerEntry entry, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var open = await db.EnsureOpenAsync(cancellationToken);
        await using var batch = db.CreateBatch();
        AddInsertOnce(batch, entry, tenantId);
        return await batch.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Adds "insert <paramref name="entry"/> unless its key is written already" to <paramref name="batch"/> (its count: 1 when written).</summary>
    public static NpgsqlBatchCommand AddInsertOnce(NpgsqlBatch batch, StarLedgerEntry entry, Guid tenantId) =>
        batch.Add(InsertWhereSql("(SELECT 1) AS one", 1), InsertValues(entry, tenantId));
}
