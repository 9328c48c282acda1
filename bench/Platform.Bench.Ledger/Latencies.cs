using System.Diagnostics;
using System.Globalization;

namespace Platform.Bench.Ledger;

/// <summary>Times a call <c>n</c> times after a warm-up and prints p50, p95, p99 and max as a table row.</summary>
internal static class Latencies
{
    public static async Task<string> MeasureAsync(string what, int warmup, int n, Func<int, Task> call)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call(i);
        }

        var ms = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            var watch = Stopwatch.StartNew();
            await call(warmup + i);
            ms.Add(watch.Elapsed.TotalMilliseconds);
        }

        ms.Sort();
        string P(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)].ToString("0.0", CultureInfo.InvariantCulture);
        var row = $"| {what} | {n} | {P(0.50)} | **{P(0.95)}** | {P(0.99)} | {ms[^1].ToString("0.0", CultureInfo.InvariantCulture)} |";
        Console.WriteLine(row);
        return row;
    }
}
