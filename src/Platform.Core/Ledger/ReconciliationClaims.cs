using Platform.Core.Data;

namespace Platform.Core.Ledger;

/// <summary>
/// The claim that keeps two passes from reading one bot at once: the bot's <see cref="StarReconciliation"/> row is
/// created if missing (INSERT … ON CONFLICT DO NOTHING) and taken by one conditional UPDATE of its ClaimedUntil, so of two
/// passes exactly one gets it. A crashed pass frees the bot when its claim runs out; a pass that ends clears it.
/// </summary>
internal sealed class ReconciliationClaims(PlatformDbContext db, TimeProvider time)
{
    /// <summary>How long a claim holds without a page being committed (each page extends it).</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    private const string CreateSql = """
        INSERT INTO "StarReconciliations" ("Id", "TenantId", "BotId", "NextOffset") VALUES ($1, $2, $3, 0)
        ON CONFLICT ("TenantId", "BotId") DO NOTHING
        """;

    private const string ClaimSql = """
        UPDATE "StarReconciliations" SET "ClaimedUntil" = $1
        WHERE "TenantId" = $2 AND "BotId" = $3 AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" <= $4)
        RETURNING "NextOffset", "PendingFromOffset"
        """;

    private const string FinishSql = """
        UPDATE "StarReconciliations" SET "ClaimedUntil" = NULL, "LastPassAt" = $1, "LastError" = $2::text,
            "TelegramBalanceNanostars" = COALESCE($3::bigint, "TelegramBalanceNanostars"),
            "LedgerBalanceNanostars" = COALESCE($4::bigint, "LedgerBalanceNanostars")
        WHERE "TenantId" = $5 AND "BotId" = $6 AND "ClaimedUntil" = $7
        """;

    /// <summary>A fresh claim token: the expiry as PostgreSQL stores it (microseconds), so later writes can compare it exactly.</summary>
    public DateTimeOffset NewToken()
    {
        var until = time.GetUtcNow() + ClaimFor;
        return new DateTimeOffset(until.UtcTicks - (until.UtcTicks % 10), TimeSpan.Zero);
    }

    /// <summary>The claim, or null when another pass holds the bot.</summary>
    public async Task<ReconciliationClaim?> TryClaimAsync(Guid tenantId, Guid botId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = NewToken();
        await using var open = await db.EnsureOpenAsync(cancellationToken);
        await using var batch = db.CreateBatch();
        batch.Add(CreateSql, Guid.CreateVersion7(now), tenantId, botId);
        batch.Add(ClaimSql, token, tenantId, botId, now);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var pending = await reader.IsDBNullAsync(1, cancellationToken) ? (int?)null : reader.GetInt32(1);
        return new ReconciliationClaim(tenantId, botId, reader.GetInt32(0), pending, token);
    }

    /// <summary>Ends the pass: clears the claim (if still ours) and records when, why it stopped early, and both balances.</summary>
    public async Task FinishAsync(ReconciliationClaim claim, string? error, long? telegramBalance, long? ledgerBalance, CancellationToken cancellationToken)
    {
        await using var open = await db.EnsureOpenAsync(cancellationToken);
        await using var batch = db.CreateBatch();
        batch.Add(FinishSql, time.GetUtcNow(), error, telegramBalance, ledgerBalance, claim.TenantId, claim.BotId, claim.Token);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
