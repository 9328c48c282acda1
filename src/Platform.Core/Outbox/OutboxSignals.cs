namespace Platform.Core.Outbox;

/// <summary>
/// The PostgreSQL NOTIFY channel that announces committed outbox events. A statement-level trigger on
/// <c>OutboxEvents</c> (migration <c>SharedSendGateAndOutboxSignal</c>) sends one notification per tenant per
/// statement, payload the tenant id in "N" format; PostgreSQL delivers it only when the writing transaction commits
/// and folds identical payloads of one transaction into one. Every writer is covered, whatever path it takes.
/// </summary>
public static class OutboxSignals
{
    public const string Channel = "starfront_outbox";
}
