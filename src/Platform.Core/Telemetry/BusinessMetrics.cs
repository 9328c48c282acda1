using System.Diagnostics.Metrics;

namespace Platform.Core.Telemetry;

/// <summary>
/// The business figures as instruments of <see cref="StarfrontTelemetry.Meter"/>, recorded where the fact happens
/// (after its commit). Labels are a few fixed words each (<see cref="MetricLabels"/>): never a tenant, bot, order or
/// token — those belong in the admin pages, not in a time series per value. The Prometheus names are in
/// docs/observability.md (dots become underscores; counters end in <c>_total</c>, seconds in <c>_seconds</c>).
/// </summary>
public static class BusinessMetrics
{
    private static readonly Counter<long> OrdersPaid = StarfrontTelemetry.Meter.CreateCounter<long>(
        "starfront.orders.paid", "{order}", "Orders paid (each charge once), by kind: purchase, subscription, renewal");

    private static readonly Counter<long> Gmv = StarfrontTelemetry.Meter.CreateCounter<long>(
        "starfront.gmv", "{star}", "Stars paid by buyers (gross merchandise value), by kind");

    private static readonly Counter<long> Refunds = StarfrontTelemetry.Meter.CreateCounter<long>(
        "starfront.refunds", "{refund}", "Refunds recorded, by kind: order, duplicate_charge");

    private static readonly Counter<long> RefundedStars = StarfrontTelemetry.Meter.CreateCounter<long>(
        "starfront.refunded", "{star}", "Stars refunded, by kind");

    private static readonly Counter<long> UpdatesIngested = StarfrontTelemetry.Meter.CreateCounter<long>(
        "starfront.updates.ingested", "{update}", "Telegram updates stored by the ingress (duplicates not counted), by update kind");

    private static readonly Histogram<double> PreCheckoutDuration = StarfrontTelemetry.Meter.CreateHistogram(
        "starfront.precheckout.duration", "s", "From the stored pre-checkout query to Telegram's answer, by outcome: accepted, refused",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> WebhookDeliveries = StarfrontTelemetry.Meter.CreateCounter<long>(
        "starfront.webhook.deliveries", "{attempt}", "Webhook delivery attempts, by outcome: delivered, retrying, gave_up, failed");

    private static readonly Histogram<double> WebhookLag = StarfrontTelemetry.Meter.CreateHistogram(
        "starfront.webhook.lag", "s", "From the event's creation to its delivery (2xx)",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400] });

    private static readonly Counter<long> JobsFailed = StarfrontTelemetry.Meter.CreateCounter<long>(
        "starfront.jobs.failed", "{job}", "Hangfire jobs that reached the Failed state (retries used up), by job type");

    /// <summary>A charge newly recorded: <paramref name="kind"/> is one of <see cref="MetricLabels"/>' order kinds.</summary>
    public static void OrderPaid(string kind, long stars)
    {
        var tag = new KeyValuePair<string, object?>(MetricLabels.Kind, kind);
        OrdersPaid.Add(1, tag);
        Gmv.Add(stars, tag);
    }

    public static void Refunded(string kind, long stars)
    {
        var tag = new KeyValuePair<string, object?>(MetricLabels.Kind, kind);
        Refunds.Add(1, tag);
        RefundedStars.Add(stars, tag);
    }

    public static void UpdateIngested(string kind) => UpdatesIngested.Add(1, new KeyValuePair<string, object?>(MetricLabels.Kind, kind));

    public static void PreCheckoutAnswered(TimeSpan took, bool accepted) =>
        PreCheckoutDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>(MetricLabels.Outcome, accepted ? "accepted" : "refused"));

    public static void WebhookAttempt(string outcome) => WebhookDeliveries.Add(1, new KeyValuePair<string, object?>(MetricLabels.Outcome, outcome));

    public static void WebhookDelivered(TimeSpan lag) => WebhookLag.Record(Math.Max(0, lag.TotalSeconds));

    public static void JobFailed(string jobType) => JobsFailed.Add(1, new KeyValuePair<string, object?>(MetricLabels.Job, jobType));
}
