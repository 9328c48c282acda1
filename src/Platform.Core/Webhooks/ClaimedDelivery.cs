namespace Platform.Core.Webhooks;

/// <summary>A delivery a sender has claimed, with its request body (the event envelope, UTF-8 JSON).</summary>
public sealed record ClaimedDelivery(Guid Id, Guid EventId, int AttemptCount, byte[] Body);
