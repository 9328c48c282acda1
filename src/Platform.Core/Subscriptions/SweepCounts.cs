namespace Platform.Core.Subscriptions;

/// <summary>What one sweep (or one tenant's part of it) did: for logs, tests and the benchmark.</summary>
public sealed record SweepCounts(int Reminded, int Unreachable, int Expired, int Failed)
{
    public static SweepCounts None { get; } = new(0, 0, 0, 0);

    public static SweepCounts operator +(SweepCounts a, SweepCounts b) =>
        new(a.Reminded + b.Reminded, a.Unreachable + b.Unreachable, a.Expired + b.Expired, a.Failed + b.Failed);
}
