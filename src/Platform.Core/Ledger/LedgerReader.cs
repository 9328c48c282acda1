using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Ledger;

/// <summary>
/// The read side of the current tenant's ledger rows: a page for the Balance page and <c>/api/v1/ledger</c>, every
/// matching row streamed for the CSV export (never all in memory at once), and the daily earnings the chart draws.
/// Lists read the (tenant, time) index newest first; the chart groups one 30-day window in the database.
/// </summary>
public sealed class LedgerReader(PlatformDbContext db, TimeProvider time)
{
    public const int ChartDays = 30;
    private const long N = LedgerAmount.NanostarsPerStar;

    /// <summary>
    /// A page of rows with the number matching the filter, counted up to <paramref name="countUpTo"/> (the portal caps it:
    /// "10,000+ rows" reads a bounded part of the index; the API counts them all).
    /// </summary>
    public async Task<LedgerPage> ListAsync(LedgerFilter filter, CancellationToken cancellationToken, int countUpTo = int.MaxValue)
    {
        var size = Math.Clamp(filter.PageSize, 1, LedgerFilter.MaxPageSize);
        var page = Math.Clamp(filter.Page, 0, (int.MaxValue / size) - 1);
        var rows = Filtered(filter);
        return await SerialReads.RunAsync(db, async () =>
        {
            var total = countUpTo == int.MaxValue ? await rows.CountAsync(cancellationToken) : await rows.Take(countUpTo).CountAsync(cancellationToken);
            var items = await rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(page * size).Take(size).ToListAsync(cancellationToken);
            return new LedgerPage(items, page, size, total);
        }, cancellationToken);
    }

    /// <summary>Every row matching <paramref name="filter"/> (its paging ignored), newest first, read as the caller consumes them.</summary>
    public async IAsyncEnumerable<StarLedgerEntry> StreamAsync(LedgerFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = Filtered(filter).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken);
        await foreach (var row in rows)
        {
            yield return row;
        }
    }

    /// <summary>
    /// Income and refunds per UTC day over the last <see cref="ChartDays"/> days (today included), one entry per day even
    /// when nothing moved, for one bot or the whole store.
    /// </summary>
    public async Task<IReadOnlyList<DailyEarnings>> DailyEarningsAsync(Guid? botId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddDays(-(ChartDays - 1));
        var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var sums = await SerialReads.RunAsync(db, () => db.StarLedger.AsNoTracking()
            .Where(e => e.At >= start && e.At <= now && (botId == null || e.BotId == botId))
            .Where(e => e.Kind == StarLedgerKind.Payment || e.Kind == StarLedgerKind.Renewal || e.Kind == StarLedgerKind.OtherIncome
                || e.Kind == StarLedgerKind.Refund)
            .GroupBy(e => new { Day = (e.At - start).Days, e.Kind })
            .Select(g => new { g.Key.Day, g.Key.Kind, Amount = g.Sum(e => (e.Stars * N) + e.Nanostars) })
            .ToListAsync(cancellationToken), cancellationToken);
        var byDay = sums.ToLookup(s => first.AddDays(s.Day));
        return [.. Enumerable.Range(0, ChartDays).Select(i =>
        {
            var day = first.AddDays(i);
            var of = byDay[day].ToDictionary(s => s.Kind, s => new LedgerAmount(s.Amount));
            return new DailyEarnings(day, of.GetValueOrDefault(StarLedgerKind.Payment), of.GetValueOrDefault(StarLedgerKind.Renewal),
                of.GetValueOrDefault(StarLedgerKind.OtherIncome), -of.GetValueOrDefault(StarLedgerKind.Refund));
        })];
    }

    private IQueryable<StarLedgerEntry> Filtered(LedgerFilter filter)
    {
        var rows = db.StarLedger.AsNoTracking();
        if (filter.BotId is { } botId)
        {
            rows = rows.Where(e => e.BotId == botId);
        }

        if (filter.Kind is { } kind)
        {
            rows = rows.Where(e => e.Kind == kind);
        }

        if (filter.From is { } from)
        {
            rows = rows.Where(e => e.At >= from);
        }

        if (filter.To is { } to)
        {
            rows = rows.Where(e => e.At < to);
        }

        return rows;
    }
}
