using System.Globalization;

namespace Platform.Web.Commands.Scale;

/// <summary>
/// How big the <c>seed-scale</c> data set is: stores, orders over the last <see cref="Days"/> days. Parsed from the
/// command line with clear errors, so a typo is refused before anything is written.
/// </summary>
public sealed record ScaleSeedOptions(int Tenants, int Orders, int Days)
{
    public static ScaleSeedOptions Parse(string[] args)
    {
        var tenants = Number(args, "--tenants", 10_000, 1, 1_000_000);
        var orders = Number(args, "--orders", 1_000_000, 0, 100_000_000);
        var days = Number(args, "--days", 90, 1, 3650);
        return new ScaleSeedOptions(tenants, orders, days);
    }

    private static int Number(string[] args, string name, int fallback, int min, int max)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0)
        {
            return fallback;
        }

        if (i + 1 >= args.Length || !int.TryParse(args[i + 1].Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None,
            CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"{name} needs a whole number from {min} to {max}.");
        }

        return value;
    }
}
