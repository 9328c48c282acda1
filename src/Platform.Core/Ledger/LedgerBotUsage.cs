using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots;
using Platform.Core.Data;

namespace Platform.Core.Ledger;

/// <summary>A bot with Stars on its ledger stays (as removed) when the merchant removes it: the money's history names it.</summary>
public sealed class LedgerBotUsage(PlatformDbContext db) : IBotUsage
{
    public async Task<bool> IsUsedAsync(Guid botId, CancellationToken cancellationToken) =>
        await db.StarLedger.AnyAsync(e => e.BotId == botId, cancellationToken)
        || await db.TelegramStarTransactions.AnyAsync(e => e.BotId == botId, cancellationToken);
}
