using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Core.Ledger;

/// <summary>
/// What a pass checks once it has read Telegram's list to the end: mismatches flagged earlier whose two sides now agree
/// (a payment recorded after Telegram listed it), ledger payments and refunds Telegram still does not list after
/// <see cref="LedgerOptions.MissingAtTelegramAfter"/> (measured from the newest transaction Telegram listed, so our
/// clock and a quiet bot cannot make one missing), and Telegram's balance against the ledger's.
/// </summary>
internal sealed class ReconciliationChecks(PlatformDbContext db, BalanceReader balances, IOptions<LedgerOptions> options, TimeProvider time)
{
    private const long N = LedgerAmount.NanostarsPerStar;
    public const string BalanceReference = "balance";

    /// <summary>Runs the three checks; returns their counts and the ledger's balance in nanostars.</summary>
    public async Task<(ReconciliationResult Counts, long LedgerBalance)> RunAsync(
        ReconciliationClaim claim, long telegramBalance, CancellationToken cancellationToken)
    {
        var (tenantId, botId, now) = (claim.TenantId, claim.BotId, time.GetUtcNow());
        var flagged = 0;
        var resolved = new List<Npgsql.NpgsqlBatchCommand>();

        // 1. Open "missing here" and "amount differs": recheck against the ledger (the list is not read again).
        // (One read of the bot's open mismatches serves this and step 2; usually it returns nothing.)
        var allOpen = await db.LedgerMismatches.AsNoTracking()
            .Where(m => m.BotId == botId && m.ResolvedAt == null && m.Kind != LedgerMismatchKind.BalanceDiffers)
            .Select(m => new { m.Kind, m.Reference, m.TelegramNanostars }).ToListAsync(cancellationToken);
        var open = allOpen.Where(m => m.Kind != LedgerMismatchKind.MissingAtTelegram).ToList();
        var references = open.Select(m => m.Reference).Distinct().ToList();
        var ours = references.Count == 0 ? [] : await db.StarLedger.AsNoTracking().Where(e => e.BotId == botId && references.Contains(e.Key))
            .Select(e => new { e.Key, Total = (e.Stars * N) + e.Nanostars }).ToDictionaryAsync(e => e.Key, e => Math.Abs(e.Total), cancellationToken);

        // 2. Ours that Telegram does not list, once the list has moved on past them.
        var newest = await db.TelegramStarTransactions.Where(t => t.BotId == botId).MaxAsync(t => (DateTimeOffset?)t.Date, cancellationToken);
        var missing = newest is not { } seen ? [] : await MissingAtTelegramQuery(botId, seen - options.Value.MissingAtTelegramAfter)
            .Select(e => new { e.Key, Total = (e.Stars * N) + e.Nanostars }).ToListAsync(cancellationToken);
        var openMissing = allOpen.Where(m => m.Kind == LedgerMismatchKind.MissingAtTelegram).Select(m => m.Reference).ToList();

        // 3. The balance, as the ledger has it now (Telegram's was read just before).
        var ledgerBalance = (await balances.ForBotAsync(botId, cancellationToken))?.Balance.TotalNanostars ?? 0;

        await using var connection = await db.EnsureOpenAsync(cancellationToken);
        await using var batch = db.CreateBatch();
        foreach (var m in open.Where(m => ours.ContainsKey(m.Reference)))
        {
            flagged += LedgerMismatchSql.Match(batch, tenantId, botId, m.Reference, ours[m.Reference], m.TelegramNanostars, now, resolved) ? 1 : 0;
        }

        foreach (var row in missing)
        {
            LedgerMismatchSql.Flag(batch, tenantId, botId, LedgerMismatchKind.MissingAtTelegram, row.Key, Math.Abs(row.Total), null, now);
            flagged++;
        }

        foreach (var reference in openMissing.Except(missing.Select(r => r.Key)))
        {
            resolved.Add(LedgerMismatchSql.Resolve(batch, tenantId, botId, LedgerMismatchKind.MissingAtTelegram, reference, now));
        }

        if (ledgerBalance != telegramBalance)
        {
            LedgerMismatchSql.Flag(batch, tenantId, botId, LedgerMismatchKind.BalanceDiffers, BalanceReference, ledgerBalance, telegramBalance, now);
            flagged++;
        }
        else
        {
            resolved.Add(LedgerMismatchSql.Resolve(batch, tenantId, botId, LedgerMismatchKind.BalanceDiffers, BalanceReference, now));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        var counts = new ReconciliationResult(ReconciliationStatus.Done, 0, 0, flagged, resolved.Sum(c => c.RecordsAffected));
        return (counts, ledgerBalance);
    }

    /// <summary>Ledger payments, renewals and refunds written before <paramref name="before"/> that Telegram's list (as mirrored) lacks.</summary>
    private IQueryable<StarLedgerEntry> MissingAtTelegramQuery(Guid botId, DateTimeOffset before) =>
        db.StarLedger.AsNoTracking().Where(e => e.BotId == botId && e.At < before && e.TelegramTransactionId != null
            && (e.Kind == StarLedgerKind.Payment || e.Kind == StarLedgerKind.Renewal || e.Kind == StarLedgerKind.Refund)
            && !db.TelegramStarTransactions.Any(t =>
                t.BotId == botId && t.TransactionId == e.TelegramTransactionId && t.Incoming == (e.Kind != StarLedgerKind.Refund)));
}
