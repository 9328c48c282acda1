namespace Platform.Web.Commands.Scale;

/// <summary>
/// The seeded platform's shape, all derived from the store's number so every pass agrees: orders per store follow a
/// Zipf-like curve (store 0 is the largest, a few stores hold a large share, most hold a handful), every fifth store has
/// two bots, every fourth sells a subscription, every tenth has a webhook endpoint, one store in ten signed up inside
/// the seeded period (the rest earlier, over the preceding year).
/// </summary>
public sealed class ScaleShape
{
    private readonly int[] orders;

    public ScaleShape(ScaleSeedOptions options, DateTimeOffset now)
    {
        Options = options;
        Now = now;
        orders = Spread(options.Orders, options.Tenants);
    }

    public ScaleSeedOptions Options { get; }
    public DateTimeOffset Now { get; }
    public int Tenants => Options.Tenants;
    public DateTimeOffset PeriodStart => Now.AddDays(-Options.Days);

    public int OrdersOf(int store) => orders[store];
    public static string Slug(int store) => $"scale-{store}";
    public static string OwnerEmail(int store) => $"owner{store}@scale.test";
    public static int BotsOf(int store) => store % 5 == 4 ? 2 : 1;
    public static int ProductsOf(int store) => 3 + store % 5;
    public static bool SellsSubscription(int store) => store % 4 == 0;
    public static bool HasEndpoint(int store) => store % 10 == 1;
    public int CustomersOf(int store) => Math.Clamp((orders[store] + 3) / 4, 1, 20_000);
    public static int PriceOf(int store, int product) => 10 + (store * 37 + product * 101) % 490;

    /// <summary>When the store signed up: inside the period for one store in ten, else up to a year before it.</summary>
    public DateTimeOffset CreatedAt(int store) => store % 10 == 9
        ? PeriodStart.AddSeconds((store * 7919L) % Math.Max(1, Options.Days * 86_400L))
        : PeriodStart.AddSeconds(-((store * 104_729L) % (365 * 86_400L)) - 60);

    /// <summary>Orders of a store fall between its sign-up (or the period's start) and a minute ago.</summary>
    public DateTimeOffset FirstOrderAt(int store) => CreatedAt(store) > PeriodStart ? CreatedAt(store) : PeriodStart;

    private static int[] Spread(int total, int stores)
    {
        var weights = Enumerable.Range(0, stores).Select(i => 1.0 / (i + 1)).ToArray();
        var sum = weights.Sum();
        var counts = weights.Select(w => (int)Math.Floor(total * w / sum)).ToArray();
        var left = total - counts.Sum();
        for (var i = stores - 1; left > 0; i = i == 0 ? stores - 1 : i - 1, left--)
        {
            counts[i]++;
        }

        return counts;
    }
}
