namespace Platform.Web.Commands.Scale;

/// <summary>One generated order of a seeded store (not a database row): what the orders, ledger and webhook passes share.</summary>
public sealed record ScaleOrder(int Store, long Index, int Bot, int Customer, int Product, int Price, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, DateTimeOffset? RefundedAt)
{
    public Guid Id => ScaleIds.Of(ScaleIds.Order, Store, Index);
    public Guid TenantId => ScaleIds.Of(ScaleIds.Tenant, Store);
    public Guid BotId => ScaleIds.Of(ScaleIds.Bot, Store, Bot);
    public string? Charge => PaidAt is null ? null : $"scale-{Store}-{Index}";

    /// <summary>
    /// The store's orders, the same on every call: customers, products and times drawn from a generator seeded by the
    /// store's number; 3 % abandoned before paying, about 2 % of the paid ones refunded within three days.
    /// </summary>
    public static IEnumerable<ScaleOrder> OfStore(ScaleShape shape, int store)
    {
        var random = new Random(store * 7919 + 17);
        var from = shape.FirstOrderAt(store);
        var span = Math.Max(60, (shape.Now.AddMinutes(-1) - from).TotalSeconds);
        var customers = shape.CustomersOf(store);
        var products = ScaleShape.ProductsOf(store);
        for (long i = 0; i < shape.OrdersOf(store); i++)
        {
            var created = from.AddSeconds(Math.Floor(random.NextDouble() * span));
            var product = random.Next(products);
            var bot = ScaleShape.BotsOf(store) == 2 && random.Next(3) == 0 ? 1 : 0;
            var customer = random.Next(customers);
            var roll = random.Next(1000);
            if (roll < 30)
            {
                yield return new ScaleOrder(store, i, bot, customer, product, ScaleShape.PriceOf(store, product), "Abandoned", created, null, null);
                continue;
            }

            var paid = created.AddSeconds(5);
            var refunded = roll < 50 ? paid.AddSeconds(Math.Floor(random.NextDouble() * Math.Min(3 * 86_400,
                (shape.Now - paid).TotalSeconds))) : (DateTimeOffset?)null;
            yield return new ScaleOrder(store, i, bot, customer, product, ScaleShape.PriceOf(store, product), refunded is null ? "Fulfilled" : "Refunded",
                created, paid, refunded);
        }
    }
}
