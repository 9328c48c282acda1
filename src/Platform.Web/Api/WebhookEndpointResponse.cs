using Platform.Core.Webhooks;

namespace Platform.Web.Api;

/// <summary>An endpoint as the API shows it. <see cref="Secret"/> is set only in the create response.</summary>
public sealed record WebhookEndpointResponse(
    Guid Id, string Url, string Description, IReadOnlyList<string> EventTypes, bool Enabled, DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt, string? DisabledReason, bool DisabledAutomatically, DateTimeOffset? LastSuccessAt,
    DateTimeOffset? FailingSince, DateTimeOffset? PreviousSecretExpiresAt, string? Secret = null)
{
    public static WebhookEndpointResponse From(WebhookEndpoint e, string? secret = null) => new(
        e.Id, e.Url, e.Description, e.EventTypes, e.Enabled, e.CreatedAt, e.DisabledAt, e.DisabledReason, e.DisabledAutomatically,
        e.LastSuccessAt, e.FailingSince, e.PreviousSecretExpiresAt, secret);
}
