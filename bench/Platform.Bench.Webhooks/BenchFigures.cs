namespace Platform.Bench.Webhooks;

/// <summary>What one mode's run measured: backlog throughput and the steady phase's lag percentiles (ms).</summary>
internal sealed record BenchFigures(
    string Mode, long BacklogDeliveries, double BacklogSeconds, int SteadyEvents, double SteadyRate, double P50, double P95, double P99, double Max)
{
    public double BacklogPerSecond => BacklogDeliveries / BacklogSeconds;

    public override string ToString() =>
        $"| {Mode} | {BacklogPerSecond:0} deliveries/s ({BacklogDeliveries} in {BacklogSeconds:0.00} s) | {SteadyEvents} events at {SteadyRate:0}/s: " +
        $"p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms, max {Max:0} ms |";
}
