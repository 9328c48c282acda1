using System.ComponentModel;

namespace Platform.Core.Events;

/// <summary>webhook.test: written by "Send test event"; the dispatcher delivers it to the endpoint it names only.</summary>
[Description("Sent by \"Send test event\" (portal) or POST /api/v1/webhook-endpoints/{id}/test, to that endpoint only, whatever its event filter.")]
public sealed record WebhookTest(
    [property: Description("The endpoint the test was sent to.")] Guid EndpointId,
    [property: Description("A fixed text.")] string Message,
    [property: Description("When the test was requested (ISO 8601, UTC).")] DateTimeOffset SentAt) : IPlatformEvent
{
    public const string TypeName = "webhook.test";

    /// <summary>The text every test event carries.</summary>
    public const string DefaultMessage = "Test event sent from Starfront.";

    static string IPlatformEvent.TypeName => TypeName;
}
