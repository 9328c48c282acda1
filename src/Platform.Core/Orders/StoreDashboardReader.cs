using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Data;

namespace Platform.Core.Orders;

/// <summary>
/// The read side of the store dashboard (<c>/stores/{tenant}</c>): sales figures per period, the daily chart, recent
/// orders, best sellers and the setup checklist, each a SQL aggregate over the current tenant's rows (never every order in
/// memory). Periods are whole UTC days ending now, the same days the chart draws: "today" is since 00:00 UTC, "7 days" the
/// last 7 UTC days with today. Orders of test-mode bots (sandbox Stars) count for the checklist and are listed, but never
/// add to a figure (docs/portal.md, "Dashboard").
/// </summary>
public sealed class StoreDashboardReader(PlatformDbContext db, TimeProvider time)
{
    public const int ChartDays = 30;
    public const int RecentCount = 10;
    public const int TopCount = 5;

    public async Task<StoreDashboard> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddDays(-(ChartDays - 1));
        var start = Midnight(first);
        return await SerialReads.RunAsync(db, async () =>
        {
            var days = await DaysAsync(first, start, now, cancellationToken);
            var buyersToday = await BuyersAsync(Midnight(today), now, cancellationToken);
            var buyersWeek = await BuyersAsync(Midnight(today.AddDays(-6)), now, cancellationToken);
            var buyersMonth = await BuyersAsync(start, now, cancellationToken);
            return new StoreDashboard(
                now,
                Period(days, 1, buyersToday),
                Period(days, 7, buyersWeek),
                Period(days, ChartDays, buyersMonth),
                days,
                await RecentAsync(cancellationToken),
                await TopAsync(start, now, cancellationToken),
                await ChecklistAsync(cancellationToken));
        }, cancellationToken);
    }

    /// <summary>Orders of the store's real bots: a test-mode bot's sandbox Stars are no earnings.</summary>
    private IQueryable<Order> Live() => db.Orders.AsNoTracking().Where(o => !db.Bots.Any(b => b.Id == o.BotId && b.TestMode));

    private async Task<IReadOnlyList<DashboardDay>> DaysAsync(DateOnly first, DateTimeOffset start, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var paid = await Live().Where(o => o.PaidAt >= start && o.PaidAt <= now)
            .GroupBy(o => (o.PaidAt!.Value - start).Days)
            .Select(g => new { Day = g.Key, Stars = g.Sum(o => (long)o.PriceStars), Count = g.Count() })
            .ToDictionaryAsync(x => x.Day, cancellationToken);
        var refunded = await Live().Where(o => o.RefundedAt >= start && o.RefundedAt <= now)
            .GroupBy(o => (o.RefundedAt!.Value - start).Days)
            .Select(g => new { Day = g.Key, Stars = g.Sum(o => (long)o.PriceStars), Count = g.Count() })
            .ToDictionaryAsync(x => x.Day, cancellationToken);
        return [.. Enumerable.Range(0, ChartDays).Select(i =>
        {
            var p = paid.GetValueOrDefault(i);
            var r = refunded.GetValueOrDefault(i);
            return new DashboardDay(first.AddDays(i), p?.Stars ?? 0, p?.Count ?? 0, r?.Stars ?? 0, r?.Count ?? 0);
        })];
    }

    private Task<int> BuyersAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken) =>
        Live().Where(o => o.PaidAt >= since && o.PaidAt <= now).Select(o => o.CustomerId).Distinct().CountAsync(cancellationToken);

    private static DashboardPeriod Period(IReadOnlyList<DashboardDay> days, int count, int buyers)
    {
        var last = days.Skip(days.Count - count).ToList();
        return new DashboardPeriod(count, last.Sum(d => d.PaidStars), last.Sum(d => d.RefundedStars), last.Sum(d => d.Orders), buyers,
            last.Sum(d => d.Refunds));
    }

    private Task<List<DashboardOrder>> RecentAsync(CancellationToken cancellationToken) =>
        (from o in db.Orders.AsNoTracking().Where(o => o.PaidAt != null)
         join c in db.Customers.AsNoTracking() on o.CustomerId equals c.Id
         orderby o.PaidAt descending, o.Id descending
         select new DashboardOrder(o.Id, o.ProductTitle, o.PriceStars, o.Status, c.TelegramUserId, c.Username, c.FirstName, o.PaidAt!.Value,
             db.Bots.Any(b => b.Id == o.BotId && b.TestMode)))
        .Take(RecentCount).ToListAsync(cancellationToken);

    private async Task<IReadOnlyList<DashboardTopProduct>> TopAsync(DateTimeOffset start, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var top = await Live().Where(o => o.PaidAt >= start && o.PaidAt <= now && o.Status != OrderStatus.Refunded)
            .GroupBy(o => o.ProductId)
            .Select(g => new { ProductId = g.Key, Stars = g.Sum(o => (long)o.PriceStars), Count = g.Count() })
            .OrderByDescending(x => x.Stars).ThenByDescending(x => x.Count).ThenBy(x => x.ProductId)
            .Take(TopCount).ToListAsync(cancellationToken);
        var ids = top.Select(t => t.ProductId).ToList();
        var titles = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        return [.. top.Select(t => new DashboardTopProduct(t.ProductId, titles.GetValueOrDefault(t.ProductId) ?? "(product removed)", t.Stars, t.Count))];
    }

    private async Task<SetupChecklist> ChecklistAsync(CancellationToken cancellationToken) => new(
        await db.Bots.AnyAsync(b => !b.TestMode, cancellationToken),
        await db.Products.AnyAsync(cancellationToken),
        await db.Products.AnyAsync(p => p.State == ProductState.Published, cancellationToken),
        await db.Orders.AnyAsync(o => o.PaidAt != null, cancellationToken));

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
