using Microsoft.EntityFrameworkCore;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Orders;

namespace Platform.Core.Subscriptions;

/// <summary>
/// The read side of memberships for the current tenant (the portal's Subscriptions page, <c>/api/v1/subscriptions</c>):
/// the subscribers list, per-plan figures, the active-subscribers series and the access log. Each query reads only
/// what it shows (counts in SQL, the series from the rows that changed in its window).
/// </summary>
public sealed class SubscriberReader(PlatformDbContext db, TimeProvider time)
{
    public const int ChartDays = 30;

    public async Task<SubscriberPage> ListAsync(SubscriberFilter filter, CancellationToken cancellationToken)
    {
        var page = Math.Max(filter.Page, 0);
        var size = Math.Clamp(filter.PageSize, 1, SubscriberFilter.MaxPageSize);
        var subscriptions = db.Subscriptions.AsNoTracking();
        if (filter.Status is { } status)
        {
            subscriptions = subscriptions.Where(s => s.Status == status);
        }

        var query = from s in subscriptions
                    join c in db.Customers on s.CustomerId equals c.Id
                    join p in db.Products on s.PlanId equals p.Id
                    select new { s, c, p.Title };
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim().TrimStart('@');
            var pattern = "%" + Escape(text) + "%";
            var telegramId = long.TryParse(text, out var id) ? id : (long?)null;
            query = query.Where(r => r.c.TelegramUserId == telegramId || EF.Functions.ILike(r.c.Username ?? "", pattern, "\\")
                || EF.Functions.ILike(r.c.FirstName ?? "", pattern, "\\"));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(r => r.s.CreatedAt).ThenByDescending(r => r.s.Id).Skip(page * size).Take(size)
            .Select(r => new SubscriberRow(r.s.Id, r.s.PlanId, r.Title, r.c.Id, r.s.TelegramUserId, r.c.Username, r.c.FirstName, r.s.Status, r.s.Source,
                r.s.PriceStars, r.s.PeriodEnd, r.s.AccessEndsAt, r.s.CreatedAt, r.s.CanceledAt, r.s.ExpiredAt))
            .ToListAsync(cancellationToken);
        return new SubscriberPage(items, page, size, total);
    }

    /// <summary>Every plan of the store (archived ones only while they have members), with its figures.</summary>
    public async Task<IReadOnlyList<PlanFigures>> FiguresAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var windowStart = now.AddDays(-30);
        var soon = now.AddDays(7);
        var current = await db.Subscriptions.AsNoTracking().Where(s => s.Status != SubscriptionStatus.Expired).GroupBy(s => s.PlanId)
            .Select(g => new
            {
                PlanId = g.Key,
                Active = g.Count(),
                Monthly = g.Sum(s => s.Status == SubscriptionStatus.Active && s.Source != SubscriptionSource.Complimentary ? (long)s.PriceStars : 0L),
                Renewing = g.Count(s => s.Status == SubscriptionStatus.Active && s.Source != SubscriptionSource.Complimentary
                    && s.PeriodEnd >= now && s.PeriodEnd < soon),
            }).ToDictionaryAsync(x => x.PlanId, cancellationToken);
        var expired = await db.Subscriptions.AsNoTracking().Where(s => s.ExpiredAt > windowStart && s.ExpiredAt <= now).GroupBy(s => s.PlanId)
            .Select(g => new { PlanId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.PlanId, x => x.Count, cancellationToken);
        var atStart = await db.Subscriptions.AsNoTracking().Where(s => s.CreatedAt <= windowStart && (s.ExpiredAt == null || s.ExpiredAt > windowStart))
            .GroupBy(s => s.PlanId).Select(g => new { PlanId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.PlanId, x => x.Count, cancellationToken);
        var plans = await db.Products.AsNoTracking().Where(p => p.Kind == ProductKind.Subscription)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.CreatedAt).Select(p => new { p.Id, p.Title, p.PriceStars, p.State }).ToListAsync(cancellationToken);
        return plans.Where(p => p.State != ProductState.Archived || current.ContainsKey(p.Id))
            .Select(p => new PlanFigures(p.Id, p.Title, p.PriceStars, current.GetValueOrDefault(p.Id)?.Active ?? 0,
                current.GetValueOrDefault(p.Id)?.Monthly ?? 0, expired.GetValueOrDefault(p.Id), atStart.GetValueOrDefault(p.Id),
                current.GetValueOrDefault(p.Id)?.Renewing ?? 0))
            .ToList();
    }

    /// <summary>
    /// Memberships with access at the end of each of the last <see cref="ChartDays"/> UTC days (a membership counts from
    /// its CreatedAt until its ExpiredAt): one count at the window's start, then only the rows created or expired inside it.
    /// </summary>
    public async Task<IReadOnlyList<ActiveSubscribersPoint>> ActiveSeriesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddDays(-(ChartDays - 1));
        var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var subscriptions = db.Subscriptions.AsNoTracking();
        var atStart = await subscriptions.CountAsync(s => s.CreatedAt <= start && (s.ExpiredAt == null || s.ExpiredAt > start), cancellationToken);
        var expiredOld = await subscriptions.Where(s => s.CreatedAt <= start && s.ExpiredAt > start && s.ExpiredAt <= now)
            .Select(s => s.ExpiredAt!.Value).ToListAsync(cancellationToken);
        var createdNew = await subscriptions.Where(s => s.CreatedAt > start && s.CreatedAt <= now)
            .Select(s => new { s.CreatedAt, s.ExpiredAt }).ToListAsync(cancellationToken);
        var points = new List<ActiveSubscribersPoint>(ChartDays);
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            var end = day == today ? now : new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var active = atStart - expiredOld.Count(e => e <= end) + createdNew.Count(c => c.CreatedAt <= end && (c.ExpiredAt is null || c.ExpiredAt > end));
            points.Add(new ActiveSubscribersPoint(day, active));
        }

        return points;
    }

    public async Task<AccessLogPage> AccessLogAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Math.Max(page, 0);
        pageSize = Math.Clamp(pageSize, 1, SubscriberFilter.MaxPageSize);
        var total = await db.AccessLog.CountAsync(cancellationToken);
        var items = await db.AccessLog.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AccessLogPage(items, page, pageSize, total);
    }

    /// <summary>A customer of the store by Telegram id or username (with or without @), for a complimentary membership.</summary>
    public async Task<Customer?> FindCustomerAsync(string text, CancellationToken cancellationToken)
    {
        var value = text.Trim().TrimStart('@');
        if (long.TryParse(value, out var telegramId))
        {
            return await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.TelegramUserId == telegramId, cancellationToken);
        }

        var exact = Escape(value);
        return value.Length == 0 ? null
            : await db.Customers.AsNoTracking().OrderByDescending(c => c.LastSeenAt)
                .FirstOrDefaultAsync(c => c.Username != null && EF.Functions.ILike(c.Username, exact, "\\"), cancellationToken);
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);
}
