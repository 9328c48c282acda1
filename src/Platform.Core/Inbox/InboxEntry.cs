namespace Platform.Core.Inbox;

/// <summary>One update waiting for the group commit; completed after the transaction that stores it commits.</summary>
internal sealed class InboxEntry(Guid tenantId, Guid botId, UpdateEnvelope envelope, byte[] payload, string? traceParent)
{
    /// <summary>The ingress request's W3C traceparent (null when no trace is recorded), stored with the update.</summary>
    public string? TraceParent { get; } = traceParent;

    public Guid TenantId { get; } = tenantId;
    public Guid BotId { get; } = botId;
    public UpdateEnvelope Envelope { get; } = envelope;
    public byte[] Payload { get; } = payload;

    /// <summary>True when this update was new; false for a duplicate (already stored, nothing changed).</summary>
    public TaskCompletionSource<bool> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
