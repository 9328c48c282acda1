namespace Platform.Core.Webhooks;

/// <summary>What the owner submits for an endpoint (portal form or API body). Null event types mean all.</summary>
public sealed record WebhookEndpointInput(string? Url, string? Description, IReadOnlyList<string>? EventTypes, bool Enabled = true);
