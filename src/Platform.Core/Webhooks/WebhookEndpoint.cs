using Platform.Core.Tenancy;

namespace Platform.Core.Webhooks;

/// <summary>
/// A merchant's HTTPS receiver. Secrets are stored only as Data Protection ciphertext; the plain
/// <c>whsec_…</c> value is shown once, when created or rotated.
/// </summary>
public sealed class WebhookEndpoint : ITenantOwned
{
    public const int UrlMaxLength = 2048;
    public const int DescriptionMaxLength = 200;
    public const int DisabledReasonMaxLength = 300;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Url { get; set; }
    public string Description { get; set; } = string.Empty;

    /// <summary>Event types delivered to this endpoint; empty means every type.</summary>
    public List<string> EventTypes { get; set; } = [];

    public bool Enabled { get; set; } = true;
    public required string ProtectedSecret { get; set; }

    /// <summary>The secret before the last rotation; it keeps signing beside the new one until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? ProtectedPreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }

    /// <summary>True when the platform (not the owner) turned the endpoint off: 410 Gone or 5 days of failures.</summary>
    public bool DisabledAutomatically { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>First failure since the last success; 5 days of this without a success disables the endpoint.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>
    /// Set when a sender job is enqueued or running for this endpoint and renewed by it, so the pump of any replica
    /// does not enqueue a second one; expiry (a crashed worker) lets the next pump tick enqueue again.
    /// </summary>
    public DateTimeOffset? SenderLeaseUntil { get; set; }
}
