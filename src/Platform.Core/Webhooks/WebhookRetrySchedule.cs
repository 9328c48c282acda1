namespace Platform.Core.Webhooks;

/// <summary>
/// Attempt 1 is immediate; after a failed attempt n the next waits <see cref="Delays"/>[n-1] plus up to 10 % jitter
/// (so a receiver that comes back is not hit by every delivery in the same second). Eight attempts, about 27 h.
/// </summary>
public static class WebhookRetrySchedule
{
    public static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    public static int MaxAttempts => Delays.Length + 1;

    public const double MaxJitter = 0.10;

    /// <summary>When to try again after <paramref name="attemptCount"/> failed attempts, or null when the delivery has failed for good.</summary>
    public static DateTimeOffset? NextAttempt(int attemptCount, DateTimeOffset now, TimeSpan? retryAfter)
    {
        if (attemptCount >= MaxAttempts)
        {
            return null;
        }

        if (retryAfter is { } asked)
        {
            // 429/503: the receiver said when; clamp to something sane.
            return now + TimeSpan.FromTicks(Math.Clamp(asked.Ticks, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromHours(10).Ticks));
        }

        var delay = Delays[attemptCount - 1];
        return now + delay + TimeSpan.FromTicks((long)(delay.Ticks * MaxJitter * Random.Shared.NextDouble()));
    }
}
