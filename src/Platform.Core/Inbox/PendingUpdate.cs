namespace Platform.Core.Inbox;

/// <summary>
/// The oldest unprocessed update of one chat, as the processor's work list returns it (with the ingress request's
/// traceparent, the parent of its "process update" span).
/// </summary>
internal sealed record PendingUpdate(long Id, long? ChatId, long UpdateId, byte[] Payload, int Attempts, string? TraceParent = null)
{
    /// <summary>The lane key: updates without a chat form one lane of their own.</summary>
    public long Lane => LaneOf(ChatId);

    public static long LaneOf(long? chatId) => chatId ?? long.MinValue;
}
