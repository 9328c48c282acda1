using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Outbound;
using Platform.Core.Tenancy;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Payments;

namespace Platform.Core.Ledger;

/// <summary>
/// One reconciliation pass over one bot of the current tenant (docs/ledger.md, "Reconciliation"): claim the bot, page
/// through getStarTransactions from the cursor (or from the oldest withdrawal still pending) committing the cursor after
/// each page, then the checks (<see cref="ReconciliationChecks"/>) and getMyStarBalance. Every call goes through
/// <see cref="BotCalls"/>, so the bot's 429s are waited out where every other call of the bot waits them out. Safe to
/// run twice at once (the claim) and to stop anywhere (the cursor; every row is keyed).
/// </summary>
public sealed class StarReconciler(
    PlatformDbContext db, ITenantContextAccessor tenant, BotCalls calls, LedgerEntries entries, BalanceReader balances,
    Microsoft.Extensions.Options.IOptions<LedgerOptions> options, TimeProvider time, ILogger<StarReconciler> logger)
{
    /// <summary>getStarTransactions' largest page.</summary>
    public const int PageSize = 100;

    public async Task<ReconciliationResult> RunAsync(Guid botId, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Tenant?.Id ?? throw new InvalidOperationException("Reconciliation runs in a tenant scope.");
        var bot = await db.Bots.AsNoTracking().Where(b => b.Id == botId).Select(b => new { b.TokenCiphertext, b.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (bot is null || bot.Status == BotStatus.Broken)
        {
            return ReconciliationResult.Of(ReconciliationStatus.Skipped);
        }

        var claims = new ReconciliationClaims(db, time);
        if (await claims.TryClaimAsync(tenantId, botId, cancellationToken) is not { } claim)
        {
            logger.LogInformation("Reconciliation of bot {BotId} skipped: another pass holds it", botId);
            return ReconciliationResult.Of(ReconciliationStatus.Busy);
        }

        var total = ReconciliationResult.Of(ReconciliationStatus.Done);
        try
        {
            var page = new ReconciliationPage(db, entries, time);
            for (var offset = claim.StartOffset; ;)
            {
                StarTransaction[] transactions = [];
                await calls.CallAsync(botId, bot.TokenCiphertext, async (client, ct) =>
                    transactions = (await client.GetStarTransactions(offset, PageSize, ct)).Transactions, cancellationToken);
                if (transactions.Length == 0)
                {
                    break;
                }

                var (counts, held) = await page.ApplyAsync(claim, offset, transactions, claims.NewToken(), cancellationToken);
                total += counts;
                if (held is null)
                {
                    logger.LogWarning("Reconciliation of bot {BotId} lost its claim after {Count} transactions; stopping", botId, total.Transactions);
                    return total with { Status = ReconciliationStatus.Busy };
                }

                claim = held;
                offset += transactions.Length;
                if (transactions.Length < PageSize)
                {
                    break;
                }
            }

            StarAmount telegram = new();
            await calls.CallAsync(botId, bot.TokenCiphertext, async (client, ct) => telegram = await client.GetMyStarBalance(ct), cancellationToken);
            var telegramBalance = LedgerAmount.FromStars(telegram.Amount, (int)(telegram.NanostarAmount ?? 0)).TotalNanostars;
            var (checks, ledgerBalance) = await new ReconciliationChecks(db, balances, options, time).RunAsync(claim, telegramBalance, cancellationToken);
            total += checks;
            await claims.FinishAsync(claim, null, telegramBalance, ledgerBalance, cancellationToken);
            logger.LogInformation(
                "Reconciled bot {BotId}: {Transactions} transactions read, {Rows} ledger rows written, {Flagged} mismatches flagged, {Resolved} resolved",
                botId, total.Transactions, total.LedgerRows, total.Flagged, total.Resolved);
            return total;
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or CryptographicException)
        {
            // Never the message of an HTTP failure (it could name the URL, which holds the token): Telegram's own answer, or the type.
            var error = e is ApiRequestException api ? $"Telegram answered {api.ErrorCode}: {api.Message}" : $"Telegram unreachable ({e.GetType().Name})";
            logger.LogWarning("Reconciliation of bot {BotId} stopped after {Transactions} transactions: {Error}", botId, total.Transactions, error);
            await claims.FinishAsync(claim, error.Length > 500 ? error[..500] : error, null, null, CancellationToken.None);
            return total with { Status = ReconciliationStatus.Failed };
        }
    }
}
