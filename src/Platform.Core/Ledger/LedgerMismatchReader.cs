using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Ledger;

/// <summary>
/// Reads what reconciliation flagged: the store's open mismatches for its Balance page (tenant-scoped context), and for
/// platform admins a count of open ones across every store (cross-tenant reader, the partial index on open rows).
/// </summary>
public sealed class LedgerMismatchReader(PlatformDbContext db, CrossTenantReaderFactory readers)
{
    /// <summary>
    /// The current store's open mismatches (one bot's when <paramref name="botId"/> is given), newest first, at most
    /// <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<LedgerMismatchView>> OpenForStoreAsync(CancellationToken cancellationToken, Guid? botId = null, int limit = 100)
    {
        var rows = await db.LedgerMismatches.AsNoTracking().Where(m => m.ResolvedAt == null && (botId == null || m.BotId == botId))
            .OrderByDescending(m => m.DetectedAt).ThenBy(m => m.Reference).Take(limit)
            .Join(db.Bots, m => m.BotId, b => b.Id, (m, b) => new { m, b.Username })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new LedgerMismatchView(r.m.Id, r.m.BotId, r.Username, r.m.Kind, r.m.Reference, Amount(r.m.OurNanostars),
            Amount(r.m.TelegramNanostars), r.m.DetectedAt))];
    }

    /// <summary>Open mismatches across all stores, for the platform admins.</summary>
    public async Task<int> CountOpenAcrossStoresAsync(CancellationToken cancellationToken)
    {
        await using var reader = readers.CreateReader();
        return await reader.LedgerMismatches.CountAsync(m => m.ResolvedAt == null, cancellationToken);
    }

    private static LedgerAmount? Amount(long? nanostars) => nanostars is { } n ? new LedgerAmount(n) : null;
}
