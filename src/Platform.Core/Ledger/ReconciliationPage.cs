using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Telegram.Bot.Types.Payments;

namespace Platform.Core.Ledger;

/// <summary>
/// Applies one page of getStarTransactions in one round trip (an implicit transaction): each transaction's mirror row,
/// the ledger rows for what the platform did not originate (by key, so a repeat inserts nothing), the matching of a
/// user's invoice payment or its refund against the ledger (flagged, never credited: a payment we never recorded needs a
/// person), and the cursor moved under the pass's claim. Why one batch: 1,000 bots' pages must fit in a minute.
/// </summary>
internal sealed class ReconciliationPage(PlatformDbContext db, LedgerEntries entries, TimeProvider time)
{
    private const long N = LedgerAmount.NanostarsPerStar;

    private const string MirrorSql = """
        INSERT INTO "TelegramStarTransactions" ("Id", "TenantId", "BotId", "TransactionId", "Incoming", "Offset", "Nanostars", "Date", "Partner", "SeenAt")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT ("TenantId", "BotId", "TransactionId", "Incoming") DO NOTHING
        """;

    private const string CursorSql = """
        UPDATE "StarReconciliations" SET "NextOffset" = $1, "PendingFromOffset" = $2::integer, "ClaimedUntil" = $3
        WHERE "TenantId" = $4 AND "BotId" = $5 AND "ClaimedUntil" = $6
        """;

    /// <summary>The page's counts and the claim after it (null when another pass had taken the bot over: stop).</summary>
    public async Task<(ReconciliationResult Counts, ReconciliationClaim? Claim)> ApplyAsync(
        ReconciliationClaim claim, int offset, IReadOnlyList<StarTransaction> page, DateTimeOffset token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var items = page.Select((t, i) => new Item(t, offset + i)).ToList();
        var keys = items.Where(i => i.MatchKey is not null).Select(i => i.MatchKey!).ToList();
        var ours = keys.Count == 0 ? [] : await db.StarLedger.AsNoTracking().Where(e => e.BotId == claim.BotId && keys.Contains(e.Key))
            .Select(e => new { e.Key, Total = (e.Stars * N) + e.Nanostars }).ToDictionaryAsync(e => e.Key, e => Math.Abs(e.Total), cancellationToken);
        var (tenantId, botId) = (claim.TenantId, claim.BotId);
        int? pagePending = null;
        await using var open = await db.EnsureOpenAsync(cancellationToken);
        await using var batch = db.CreateBatch();
        var ledgerCommands = new List<Npgsql.NpgsqlBatchCommand>();
        var resolveCommands = new List<Npgsql.NpgsqlBatchCommand>();
        var flagged = 0;
        foreach (var item in items)
        {
            var t = item.Transaction;
            batch.Add(MirrorSql, Guid.CreateVersion7(now), tenantId, botId, t.Id, item.Incoming, item.Offset, item.Nanostars, item.Date, item.Partner, now);
            if (item.MatchKey is { } key)
            {
                var our = ours.TryGetValue(key, out var found) ? found : (long?)null;
                flagged += LedgerMismatchSql.Match(batch, tenantId, botId, key, our, item.Nanostars, now, resolveCommands) ? 1 : 0;
                continue;
            }

            foreach (var entry in LedgerRows(botId, item, now))
            {
                ledgerCommands.Add(LedgerEntries.AddInsertOnce(batch, entry, tenantId));
            }

            if (item.Receiver is TransactionPartnerFragment { WithdrawalState: not (RevenueWithdrawalStateSucceeded or RevenueWithdrawalStateFailed) })
            {
                pagePending ??= item.Offset;
            }
        }

        var (next, pending) = claim.After(offset + page.Count, pagePending);
        var cursor = batch.Add(CursorSql, next, pending, token, tenantId, botId, claim.Token);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        var counts = new ReconciliationResult(ReconciliationStatus.Done, page.Count, ledgerCommands.Sum(c => c.RecordsAffected), flagged,
            resolveCommands.Sum(c => c.RecordsAffected));
        var held = cursor.RecordsAffected == 1
            ? claim with { NextOffset = next, Token = token, PassPendingFrom = claim.PassPendingFrom ?? pagePending }
            : null;
        return (counts, held);
    }

    /// <summary>Withdrawals (a failed one also returns its Stars, released at once), other income and other spending.</summary>
    private IEnumerable<StarLedgerEntry> LedgerRows(Guid botId, Item item, DateTimeOffset now)
    {
        var id = item.Transaction.Id;
        var amount = new LedgerAmount(item.Nanostars);
        if (item.Receiver is TransactionPartnerFragment fragment)
        {
            yield return entries.FromTelegram(botId, StarLedgerKind.Withdrawal, -amount, item.Date, LedgerKeys.Withdrawal(id), id, "Fragment withdrawal");
            if (fragment.WithdrawalState is RevenueWithdrawalStateFailed)
            {
                var at = now > item.Date ? now : item.Date;
                yield return entries.FromTelegram(botId, StarLedgerKind.WithdrawalReturned, amount, at, LedgerKeys.WithdrawalReturned(id), id,
                    "Fragment withdrawal failed: Stars returned");
            }
        }
        else if (item.Incoming)
        {
            yield return entries.FromTelegram(botId, StarLedgerKind.OtherIncome, amount, item.Date, LedgerKeys.Income(id), id, "Telegram: " + item.Partner);
        }
        else
        {
            yield return entries.FromTelegram(
                botId, StarLedgerKind.OtherSpending, -amount, item.Date, LedgerKeys.Spending(id), id, "Telegram: " + item.Partner);
        }
    }

    /// <summary>One transaction as reconciliation sees it: direction, partner word, unsigned nanostars, and the ledger key it must match, if any.</summary>
    private sealed class Item(StarTransaction transaction, int offset)
    {
        public StarTransaction Transaction { get; } = transaction;
        public int Offset { get; } = offset;
        public bool Incoming { get; } = transaction.Source is not null;
        public TransactionPartner? Receiver => Transaction.Receiver;
        public long Nanostars { get; } = Math.Abs((transaction.Amount * N) + (transaction.NanostarAmount ?? 0));
        public DateTimeOffset Date { get; } = new(DateTime.SpecifyKind(transaction.Date, DateTimeKind.Utc));

        public string Partner => (Incoming ? Transaction.Source : Transaction.Receiver) switch
        {
            TransactionPartnerUser user => "user/" + UserType(user.TransactionType),
            TransactionPartnerFragment => "fragment",
            TransactionPartnerAffiliateProgram => "affiliate_program",
            TransactionPartnerTelegramAds => "telegram_ads",
            TransactionPartnerTelegramApi => "telegram_api",
            TransactionPartnerChat => "chat",
            _ => "other",
        };

        /// <summary>A user's invoice payment is ours (payment:{id}); the same id going back to the user is its refund (refund:{id}).</summary>
        public string? MatchKey => (Incoming ? Transaction.Source : Transaction.Receiver) is TransactionPartnerUser
        {
            TransactionType: TransactionPartnerUserTransactionType.InvoicePayment,
        }
            ? Incoming ? LedgerKeys.Payment(Transaction.Id) : LedgerKeys.Refund(Transaction.Id)
            : null;

        private static string UserType(TransactionPartnerUserTransactionType type) => type switch
        {
            TransactionPartnerUserTransactionType.InvoicePayment => "invoice_payment",
            TransactionPartnerUserTransactionType.PaidMediaPayment => "paid_media_payment",
            TransactionPartnerUserTransactionType.GiftPurchase => "gift_purchase",
            TransactionPartnerUserTransactionType.PremiumPurchase => "premium_purchase",
            TransactionPartnerUserTransactionType.BusinessAccountTransfer => "business_account_transfer",
            _ => "other",
        };
    }
}
