namespace Platform.Core.Administration;

/// <summary>
/// Everything the platform admins' dashboard shows, read at once by <see cref="PlatformFiguresReader"/>: stores, sales
/// (from <see cref="DailyStoreFigures"/>, whole UTC days from <see cref="FromDay"/> to <see cref="ToDay"/>),
/// subscriptions, Stars on hold, webhooks, jobs, reconciliation and failing bots. A record so the page only formats.
/// </summary>
public sealed record PlatformFigures
{
    public required PlatformFiguresPeriod Period { get; init; }
    public required DateOnly FromDay { get; init; }
    public required DateOnly ToDay { get; init; }
    public required int Stores { get; init; }
    public required int SuspendedStores { get; init; }
    public required int StoresWithActiveBot { get; init; }
    public required IReadOnlyList<PlatformFiguresDay> Days { get; init; }
    public required int ActiveSubscriptions { get; init; }

    /// <summary>Each active subscription's price normalised to 30 days (Telegram's only period is 30 days: the price itself).</summary>
    public required long MonthlyRecurringStars { get; init; }

    public required PlatformBalance Balance { get; init; }
    public required long WebhookAttempts { get; init; }
    public required long WebhookAttemptsSucceeded { get; init; }

    /// <summary>Deliveries still to be sent (Pending), of which <see cref="WebhookRetrying"/> failed at least once.</summary>
    public required long WebhookBacklog { get; init; }

    public required long WebhookRetrying { get; init; }
    public required int FailingEndpoints { get; init; }

    /// <summary>Null where the process has no Hangfire storage.</summary>
    public required PlatformJobFigures? Jobs { get; init; }

    public required int OpenMismatches { get; init; }
    public required int FailingBotCount { get; init; }
    public required IReadOnlyList<PlatformFiguresBot> FailingBots { get; init; }
    public required IReadOnlyList<PlatformFiguresStore> TopStores { get; init; }

    public DateTimeOffset Since => new(FromDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    public int NewStores => Days.Sum(d => d.NewStores);
    public long Sales => Days.Sum(d => d.Sales);
    public long GrossStars => Days.Sum(d => d.GrossStars);
    public long Refunds => Days.Sum(d => d.Refunds);
    public long RefundedStars => Days.Sum(d => d.RefundedStars);

    /// <summary>Refunds per sale in the period (by count), null without sales.</summary>
    public decimal? RefundRate => Sales == 0 ? null : (decimal)Refunds / Sales;

    /// <summary>Attempts answered 2xx per attempt made in the period, null without attempts.</summary>
    public decimal? WebhookSuccessRate => WebhookAttempts == 0 ? null : (decimal)WebhookAttemptsSucceeded / WebhookAttempts;
}
