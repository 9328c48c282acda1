namespace Platform.Core.Events;

/// <summary>
/// A business event's <c>data</c>, as merchants receive it in webhooks: one sealed record per event type, so the
/// contract is code (compiled, schema-generated, checked against docs/webhooks.md) instead of anonymous objects at
/// each emitter. The type name is static so the outbox reads it from the record's type without reflection.
/// </summary>
public interface IPlatformEvent
{
    /// <summary>The <c>type</c> of the envelope, e.g. <c>order.paid</c>.</summary>
    static abstract string TypeName { get; }
}
