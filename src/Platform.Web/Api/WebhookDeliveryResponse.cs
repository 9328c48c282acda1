using Platform.Core.Webhooks;

namespace Platform.Web.Api;

/// <summary>A delivery with its attempts, as the delivery log of the API shows it.</summary>
public sealed record WebhookDeliveryResponse(
    Guid Id, Guid EventId, string EventType, string Status, int AttemptCount, DateTimeOffset? NextAttemptAt,
    DateTimeOffset CreatedAt, IReadOnlyList<WebhookAttemptResponse> Attempts)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d, IEnumerable<WebhookAttempt> attempts) => new(
        d.Id, d.EventId, d.EventType, d.Status.ToString().ToLowerInvariant(), d.AttemptCount,
        d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.CreatedAt,
        [.. attempts.Select(a => new WebhookAttemptResponse(a.AttemptedAt, a.StatusCode, a.LatencyMs, a.ResponseExcerpt, a.Error))]);
}
