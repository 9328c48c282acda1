using System.ComponentModel;
using System.Text.Json;

namespace Platform.Core.Events;

/// <summary>
/// The body of every webhook. WebhookEnvelope writes it by hand (the stored data goes in raw, unparsed, on the hot
/// path); this record is the contract its schema is generated from, and a test keeps the two equal.
/// Versioning: within one <see cref="CurrentApiVersion"/> changes are additive only (new event types, new properties);
/// removing, renaming or retyping a property needs a new api_version.
/// </summary>
[Description("The body of every Starfront webhook. data depends on type; see <type>.schema.json next to this file.")]
public sealed record EventEnvelope(
    [property: Description("The event id; equals the webhook-id header and is the same on every retry. Dedupe on it.")] Guid Id,
    [property: Description("The event type, e.g. order.paid.")] string Type,
    [property: Description("The contract version (a date). Within a version properties are only added, never removed or retyped.")] string ApiVersion,
    [property: Description("When the event happened (ISO 8601, UTC).")] DateTimeOffset CreatedAt,
    [property: Description("The store's id.")] Guid TenantId,
    [property: Description("The event's data object; its shape depends on type.")] JsonElement Data)
{
    /// <summary>The api_version events are written with today.</summary>
    public const string CurrentApiVersion = "2026-11-01";
}
