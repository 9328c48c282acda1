using Platform.Core.Tenancy;

namespace Platform.Core.Webhooks;

/// <summary>One HTTP try of a delivery, for the delivery log.</summary>
public sealed class WebhookAttempt : ITenantOwned
{
    public const int ExcerptMaxLength = 1024;
    public const int ErrorMaxLength = 500;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid DeliveryId { get; set; }
    public Guid EndpointId { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
    public int? StatusCode { get; set; }
    public int LatencyMs { get; set; }

    /// <summary>The first 1 KB of the response body (decoded as UTF-8).</summary>
    public string? ResponseExcerpt { get; set; }

    public string? Error { get; set; }
}
