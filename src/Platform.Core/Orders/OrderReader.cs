using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Core.Orders;

/// <summary>The read side of orders for the current tenant (portal list and detail, <c>/api/v1/orders</c>).</summary>
public sealed class OrderReader(PlatformDbContext db)
{
    public async Task<OrderPage> ListAsync(OrderFilter filter, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(filter.PageSize, 1, OrderFilter.MaxPageSize);
        var page = Math.Clamp(filter.Page, 0, int.MaxValue / size - 1); // a page number from a URL never overflows the offset
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var items = await Project(Newest(query).Skip(page * size).Take(size)).ToListAsync(cancellationToken);
        return new OrderPage(items, page, size, total);
    }

    /// <summary>Count and Stars of the whole filtered set (paging ignored), in one SQL aggregate.</summary>
    public async Task<OrderTotals> TotalsAsync(OrderFilter filter, CancellationToken cancellationToken)
    {
        var totals = await Filtered(filter).GroupBy(_ => 1).Select(g => new
        {
            Count = g.Count(),
            Paid = g.Sum(r => r.Order.Status == OrderStatus.Paid || r.Order.Status == OrderStatus.Fulfilled || r.Order.Status == OrderStatus.Refunded
                ? (long)r.Order.PriceStars : 0L),
            Refunded = g.Sum(r => r.Order.Status == OrderStatus.Refunded ? (long)r.Order.PriceStars : 0L),
        }).FirstOrDefaultAsync(cancellationToken);
        return totals is null ? new OrderTotals(0, 0, 0) : new OrderTotals(totals.Count, totals.Paid, totals.Refunded);
    }

    /// <summary>Every order of the filtered set, newest first, read as it is sent (the CSV export; paging ignored).</summary>
    public IAsyncEnumerable<OrderSummary> Stream(OrderFilter filter) => Project(Newest(Filtered(filter))).AsAsyncEnumerable();

    private static IQueryable<OrderRow> Newest(IQueryable<OrderRow> rows) => rows.OrderByDescending(r => r.Order.CreatedAt).ThenByDescending(r => r.Order.Id);

    private IQueryable<OrderRow> Filtered(OrderFilter filter)
    {
        var orders = db.Orders.AsNoTracking();
        if (filter.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (filter.ProductId is { } productId)
        {
            orders = orders.Where(o => o.ProductId == productId);
        }

        if (filter.CustomerId is { } customerId)
        {
            orders = orders.Where(o => o.CustomerId == customerId);
        }

        if (filter.From is { } from)
        {
            orders = orders.Where(o => o.CreatedAt >= from);
        }

        if (filter.To is { } to)
        {
            orders = orders.Where(o => o.CreatedAt < to);
        }

        var query = from o in orders join c in db.Customers on o.CustomerId equals c.Id select new OrderRow { Order = o, Customer = c };
        if (!string.IsNullOrWhiteSpace(filter.Customer))
        {
            var text = filter.Customer.Trim().TrimStart('@');
            if (long.TryParse(text, out var telegramId))
            {
                query = query.Where(r => r.Customer.TelegramUserId == telegramId);
            }
            else
            {
                var pattern = EscapeLike(text) + "%";
                query = query.Where(r => EF.Functions.ILike(r.Customer.Username ?? "", pattern, "\\")
                    || EF.Functions.ILike(r.Customer.FirstName ?? "", pattern, "\\"));
            }
        }

        return query;
    }

    public async Task<OrderDetail?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var summary = await Project(from o in db.Orders.AsNoTracking().Where(o => o.Id == id)
                                    join c in db.Customers on o.CustomerId equals c.Id
                                    select new OrderRow { Order = o, Customer = c }).FirstOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var order = await db.Orders.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.TelegramPaymentChargeId, o.LicenseKeyId, o.RefundReason, o.SubscriptionId }).FirstAsync(cancellationToken);
        var key = order.LicenseKeyId is { } keyId
            ? await db.LicenseKeys.Where(k => k.Id == keyId).Select(k => k.Value).FirstOrDefaultAsync(cancellationToken)
            : await db.LicenseKeys.Where(k => k.OrderId == id).Select(k => k.Value).FirstOrDefaultAsync(cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.OrderId == id)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Sequence).ToListAsync(cancellationToken);
        return new OrderDetail(summary, order.TelegramPaymentChargeId, key, deliveries, order.RefundReason, order.SubscriptionId);
    }

    private static IQueryable<OrderSummary> Project(IQueryable<OrderRow> rows) =>
        rows.Select(r => new OrderSummary(r.Order.Id, r.Order.Status, r.Order.ProductId, r.Order.ProductTitle, r.Order.PriceStars,
            r.Order.CustomerId, r.Customer.TelegramUserId, r.Customer.Username, r.Customer.FirstName, r.Order.BotId,
            r.Order.DownloadCount, r.Order.CreatedAt, r.Order.PaidAt, r.Order.FulfilledAt, r.Order.RefundedAt));

    /// <summary>An order with its customer; a class with settable members so EF can filter on it before projecting.</summary>
    private sealed class OrderRow
    {
        public Order Order { get; init; } = null!;
        public Customer Customer { get; init; } = null!;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
