namespace Platform.Core.Webhooks;

/// <summary>
/// A delivery a sender has claimed, with its request body (the event envelope, UTF-8 JSON) and when its event was
/// created (the webhook lag metric runs from there to the 2xx).
/// </summary>
public sealed record ClaimedDelivery(Guid Id, Guid EventId, int AttemptCount, byte[] Body, DateTimeOffset EventCreatedAt = default);
