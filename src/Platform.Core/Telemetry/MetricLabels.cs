namespace Platform.Core.Telemetry;

/// <summary>
/// The label names and fixed values the business metrics use, in one place so the Grafana dashboard, the alert rules
/// and the docs can be checked against them — and so nobody adds a label with a value per tenant.
/// </summary>
public static class MetricLabels
{
    public const string Kind = "kind";
    public const string Outcome = "outcome";
    public const string Job = "job";

    // Order kinds (orders paid, GMV).
    public const string Purchase = "purchase";
    public const string Subscription = "subscription";
    public const string Renewal = "renewal";

    // Refund kinds.
    public const string OrderRefund = "order";
    public const string DuplicateChargeRefund = "duplicate_charge";

    // Webhook attempt outcomes.
    public const string Delivered = "delivered";
    public const string Retrying = "retrying";
    public const string GaveUp = "gave_up";
    /// <summary>The receiver answered 410 Gone: the endpoint is turned off (its deliveries wait until it is enabled again).</summary>
    public const string Failed = "failed";
}
