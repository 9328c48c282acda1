namespace Platform.Bench.Subscriptions;

/// <summary>What the benchmark's actions were asked to do, counted across the parallel tenant jobs.</summary>
internal sealed class SweepTally
{
    public int Reminders;
    public int Expiries;
}
