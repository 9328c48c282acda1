namespace Platform.Core.Outbound;

/// <summary>
/// A generic cell rate gate (token bucket with a burst): each call reserves the next free slot and says how long
/// to wait for it. Waiting callers queue in order, so a rush is spread out instead of refused.
/// </summary>
internal sealed class SendRateGate(TimeSpan interval, int burst)
{
    private readonly TimeSpan tolerance = interval * Math.Max(0, burst - 1);
    private DateTimeOffset theoreticalArrival = DateTimeOffset.UnixEpoch;

    public DateTimeOffset TheoreticalArrival
    {
        get { lock (this) return theoreticalArrival; }
    }

    public TimeSpan Reserve(DateTimeOffset now)
    {
        lock (this)
        {
            var start = theoreticalArrival - tolerance > now ? theoreticalArrival - tolerance : now;
            theoreticalArrival = (theoreticalArrival > now ? theoreticalArrival : now) + interval;
            return start - now;
        }
    }

    /// <summary>Telegram said "retry after": nothing more goes out through this gate before then.</summary>
    public void BlockUntil(DateTimeOffset until)
    {
        lock (this)
        {
            if (until + tolerance > theoreticalArrival)
            {
                theoreticalArrival = until + tolerance;
            }
        }
    }
}
