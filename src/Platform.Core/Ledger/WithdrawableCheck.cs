using Hangfire;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Events;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;

namespace Platform.Core.Ledger;

/// <summary>
/// Tells the merchant once per crossing that a bot's withdrawable Stars reached the minimum. In one transaction, under
/// a per-bot advisory lock: read the balance, flip the bot's <see cref="WithdrawableNotice"/> with a conditional upsert
/// (only a row that was not above the minimum changes, so two checks at once tell once) and add
/// <see cref="BalanceWithdrawable"/> to the outbox; after the commit, the owner's Telegram message is queued
/// (<see cref="OwnerBalanceMessageJob"/>, which claims it). Below the minimum the row is reset, so the next crossing is
/// told again. Runs in a tenant scope: the fan-out's per-tenant job, and reconciliation after a pass.
/// </summary>
public sealed class WithdrawableCheck(
    PlatformDbContext db, BalanceReader balances, ITenantContextAccessor tenant, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>Advisory lock class for "one check of this bot at a time" (keys: the bot id's hash).</summary>
    private const int LockClass = 0x4C_44_47_52; // "LDGR"

    /// <summary>Checks every bot of the store; returns how many crossings were told.</summary>
    public async Task<int> CheckStoreAsync(CancellationToken cancellationToken)
    {
        var botIds = await db.Bots.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Id).ToListAsync(cancellationToken);
        var told = 0;
        foreach (var botId in botIds)
        {
            told += await CheckBotAsync(botId, cancellationToken) ? 1 : 0;
        }

        return told;
    }

    /// <summary>Checks one bot now; true when this call told a new crossing (event written, owner's message queued).</summary>
    public async Task<bool> CheckBotAsync(Guid botId, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Tenant?.Id ?? throw new InvalidOperationException("The withdrawable check needs a tenant scope.");
        var owed = false;
        var told = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (var batch = db.CreateBatch())
        {
            batch.Add("SELECT pg_advisory_xact_lock($1, $2)", LockClass, botId.GetHashCode());
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        var now = time.GetUtcNow();
        var balance = await balances.ForBotAsync(botId, cancellationToken, now);
        if (balance is null)
        {
            return false;
        }

        if (balance.MinimumReached)
        {
            told = await FlipAsync(tenantId, balance, now, cancellationToken);
            owed = told || await db.WithdrawableNotices.AnyAsync(n => n.BotId == botId && n.AboveMinimum && n.NotifiedAt == null, cancellationToken);
        }
        else
        {
            await db.WithdrawableNotices.Where(n => n.BotId == botId && n.AboveMinimum)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.AboveMinimum, false), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        if (owed)
        {
            // After the commit, so the job sees the row; a message still owed from an earlier crossing is queued again (the job claims it).
            jobs.Enqueue<OwnerBalanceMessageJob>(j => j.SendAsync(tenantId, botId, CancellationToken.None));
        }

        return told;
    }

    private async Task<bool> FlipAsync(Guid tenantId, BotBalance balance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = db.CreateBatch();
        batch.Add("""
            INSERT INTO "WithdrawableNotices" ("Id", "TenantId", "BotId", "AboveMinimum", "NotifiedAt", "NotifiedNanostars")
            VALUES ($1, $2, $3, TRUE, NULL, $4)
            ON CONFLICT ("TenantId", "BotId") DO UPDATE SET "AboveMinimum" = TRUE, "NotifiedAt" = NULL, "NotifiedNanostars" = EXCLUDED."NotifiedNanostars"
                WHERE NOT "WithdrawableNotices"."AboveMinimum"
            RETURNING "Id"
            """, Guid.CreateVersion7(now), tenantId, balance.BotId, balance.Withdrawable.TotalNanostars);
        if (await batch.ExecuteScalarAsync(cancellationToken) is null)
        {
            return false; // told already (this crossing, by another check)
        }

        db.AddOutboxEvent(new BalanceWithdrawable(balance.BotId, balance.BotUsername, balance.Withdrawable.Stars, balance.OnHold.Stars,
            balance.MinimumWithdrawalStars, now), now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
