namespace Platform.Bench;

/// <summary>Latency percentiles from a list of samples in milliseconds.</summary>
internal static class Figures
{
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static string Describe(IReadOnlyList<double> samples) =>
        $"n={samples.Count}, p50={Percentile(samples, 50):F1} ms, p99={Percentile(samples, 99):F1} ms, max={samples.DefaultIfEmpty().Max():F1} ms";

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
