using System.Reflection;
using Platform.Core.Outbox;

namespace Platform.Core.Webhooks;

/// <summary>
/// Event types an endpoint can subscribe to: every constant of <see cref="EventTypes"/> except the API version and
/// <c>webhook.test</c> (always delivered to the endpoint it was sent to). Reflection, so types added there by other
/// features appear in the portal and the API without touching this file.
/// </summary>
public static class WebhookEventTypes
{
    public static IReadOnlyList<string> Subscribable { get; } = typeof(EventTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(EventTypes.ApiVersion))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Where(t => t != EventTypes.WebhookTest)
        .Order(StringComparer.Ordinal)
        .ToArray();
}
