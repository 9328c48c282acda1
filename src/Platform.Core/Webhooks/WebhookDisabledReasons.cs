namespace Platform.Core.Webhooks;

/// <summary>Why the platform turned an endpoint off, as the owner reads it in the portal and the API.</summary>
public static class WebhookDisabledReasons
{
    public const string Gone = "The endpoint answered 410 Gone, which means it no longer wants webhooks.";
    public const string FailingTooLong = "Every delivery failed for 5 days without a single success.";
    public const string ByOwner = "Disabled by the store owner.";
}
