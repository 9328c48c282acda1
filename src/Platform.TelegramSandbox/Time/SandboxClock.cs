namespace Platform.TelegramSandbox.Time;

/// <summary>
/// The sandbox's own clock. Everything time-based (renewals, lapses, the pre-checkout timeout,
/// webhook retries, the 24 h drop, rate limits) reads this clock, so tests move time forward
/// with the control API instead of sleeping.
/// </summary>
public sealed class SandboxClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset? _frozenAt;
    private long _offsetTicks;

    /// <summary>Follows <paramref name="inner"/> (real time by default) plus any advances.</summary>
    public SandboxClock(TimeProvider? inner = null) => _inner = inner ?? System;

    private SandboxClock(DateTimeOffset frozenAt)
    {
        _inner = System;
        _frozenAt = frozenAt;
    }

    /// <summary>A clock that only moves when advanced: what tests want.</summary>
    public static SandboxClock Frozen(DateTimeOffset start) => new(start);

    public bool IsFrozen => _frozenAt is not null;

    public override DateTimeOffset GetUtcNow() =>
        (_frozenAt ?? _inner.GetUtcNow()) + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward to <paramref name="instant"/> (never backwards).</summary>
    internal void AdvanceTo(DateTimeOffset instant)
    {
        var delta = instant - GetUtcNow();
        if (delta > TimeSpan.Zero) Interlocked.Add(ref _offsetTicks, delta.Ticks);
    }

    internal long UnixNow => GetUtcNow().ToUnixTimeSeconds();
}
