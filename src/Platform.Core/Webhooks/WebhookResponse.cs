namespace Platform.Core.Webhooks;

/// <summary>What one POST produced: a status (null when no response arrived), an excerpt, an error, the Retry-After asked for.</summary>
public sealed record WebhookResponse(int? StatusCode, string? Excerpt, string? Error, TimeSpan? RetryAfter, int LatencyMs)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
