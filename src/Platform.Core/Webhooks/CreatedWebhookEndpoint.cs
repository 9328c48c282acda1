namespace Platform.Core.Webhooks;

/// <summary>
/// A new endpoint with its plain signing secret: the only moment the secret exists in readable form, so it travels
/// with the endpoint to the one response that shows it. <see cref="ToString"/> leaves it out.
/// </summary>
public sealed record CreatedWebhookEndpoint(WebhookEndpoint Endpoint, string Secret)
{
    public override string ToString() => $"WebhookEndpoint {Endpoint.Id} created";
}
