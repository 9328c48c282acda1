namespace Platform.Web.Api;

/// <summary>One HTTP attempt: when, the status code (null if no response), latency, the first 1 KB of the response, the error.</summary>
public sealed record WebhookAttemptResponse(DateTimeOffset AttemptedAt, int? StatusCode, int LatencyMs, string? ResponseExcerpt, string? Error);
