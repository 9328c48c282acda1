using static Platform.Web.Commands.Scale.ScaleColumns;

namespace Platform.Web.Commands.Scale;

/// <summary>
/// The seeded orders and what the payment path would have written for them: a StarLedger Payment row per paid order
/// (key <c>payment:{charge}</c>, released 21 days later) and a Refund row per refunded one (key <c>refund:{charge}</c>),
/// so the ledger and the orders agree; plus subscriptions in the stores that sell one (most active, some canceled or
/// expired), for the dashboard's active subscriptions and monthly recurring revenue.
/// </summary>
public sealed class ScaleOrders(ScaleShape shape, ScaleCopy copy)
{
    public async Task<long> WriteAsync(CancellationToken ct)
    {
        long rows = 0;
        rows += await copy.CopyAsync("Orders", true, Cols(("Id", PgUuid), ("TenantId", PgUuid), ("BotId", PgUuid), ("CustomerId", PgUuid),
            ("ProductId", PgUuid), ("PriceStars", PgInt), ("ProductTitle", PgText), ("Status", PgText), ("ChatId", PgLong),
            ("TelegramPaymentChargeId", PgText), ("DownloadCount", PgInt),
            ("CreatedAt", PgTime), ("PaidAt", PgTime), ("FulfilledAt", PgTime), ("RefundedAt", PgTime)),
            All().Select(o => Row(o.Id, o.TenantId, o.BotId, ScaleIds.Of(ScaleIds.Customer, o.Store, o.Customer),
                ScaleIds.Of(ScaleIds.Product, o.Store, o.Product),
                o.Price, $"Guide no. {o.Product + 1}", o.Status, 100_000_000L + o.Customer, o.Charge, 0, o.CreatedAt, o.PaidAt, o.PaidAt?.AddSeconds(1),
                o.RefundedAt)), ct);
        rows += await copy.CopyAsync("StarLedger", true, Cols(("Id", PgUuid), ("TenantId", PgUuid), ("BotId", PgUuid), ("Kind", PgText), ("Stars", PgLong),
            ("Nanostars", PgInt), ("At", PgTime), ("ReleasesAt", PgTime), ("Key", PgText), ("TelegramTransactionId", PgText), ("OrderId", PgUuid),
            ("RecordedAt", PgTime)),
            All().Where(o => o.PaidAt is not null).SelectMany(LedgerRows), ct);
        rows += await copy.CopyAsync("Subscriptions", true, Cols(("Id", PgUuid), ("TenantId", PgUuid), ("PlanId", PgUuid), ("CustomerId", PgUuid),
            ("BotId", PgUuid),
            ("TelegramUserId", PgLong), ("Status", PgText), ("Source", PgText), ("PriceStars", PgInt), ("TelegramChargeId", PgText), ("PeriodEnd", PgTime),
            ("AccessEndsAt", PgTime), ("CanceledAt", PgTime), ("CanceledBy", PgText), ("ExpiredAt", PgTime), ("CreatedAt", PgTime), ("UpdatedAt", PgTime)),
            Enumerable.Range(0, shape.Tenants).Where(ScaleShape.SellsSubscription).SelectMany(Subscriptions), ct);
        return rows;
    }

    private IEnumerable<ScaleOrder> All() => Enumerable.Range(0, shape.Tenants).SelectMany(t => ScaleOrder.OfStore(shape, t));

    private static IEnumerable<object?[]> LedgerRows(ScaleOrder o)
    {
        var paid = o.PaidAt!.Value;
        yield return Row(ScaleIds.Of(ScaleIds.Payment, o.Store, o.Index), o.TenantId, o.BotId, "Payment", (long)o.Price, 0, paid, paid.AddDays(21),
            "payment:" + o.Charge, o.Charge, o.Id, paid);
        if (o.RefundedAt is { } refunded)
        {
            yield return Row(ScaleIds.Of(ScaleIds.Refund, o.Store, o.Index), o.TenantId, o.BotId, "Refund", -(long)o.Price, 0, refunded, refunded,
                "refund:" + o.Charge, o.Charge, o.Id, refunded);
        }
    }

    private IEnumerable<object?[]> Subscriptions(int store)
    {
        var plan = ScaleShape.ProductsOf(store);
        var started = shape.FirstOrderAt(store);
        var count = Math.Max(1, shape.CustomersOf(store) / 8);
        for (var c = 0; c < count; c++)
        {
            var periodEnd = shape.Now.AddDays(1 + (store + c) % 29);
            var (status, canceled, expired) = (c % 10) switch
            {
                8 => ("Canceled", (DateTimeOffset?)shape.Now.AddDays(-2), (DateTimeOffset?)null),
                9 => ("Expired", shape.Now.AddDays(-40), shape.Now.AddDays(-10)),
                _ => ("Active", null, null),
            };
            if (expired is not null)
            {
                periodEnd = expired.Value;
            }

            yield return Row(ScaleIds.Of(ScaleIds.Subscription, store, c), ScaleIds.Of(ScaleIds.Tenant, store), ScaleIds.Of(ScaleIds.Product, store, plan),
                ScaleIds.Of(ScaleIds.Customer, store, c), ScaleIds.Of(ScaleIds.Bot, store, 0), 100_000_000L + c, status, "Stars",
                ScaleShape.PriceOf(store, plan), $"scale-sub-{store}-{c}", periodEnd, periodEnd, canceled, canceled is null ? null : "Customer", expired,
                started, shape.Now);
        }
    }
}
