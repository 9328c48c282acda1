namespace Platform.Core.Webhooks;

/// <summary>The saved endpoint (with its plain secret only right after creation), or field-keyed errors.</summary>
public sealed record WebhookEndpointSaveResult(WebhookEndpoint? Endpoint, string? Secret, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Endpoint is not null;

    public static WebhookEndpointSaveResult Invalid(Dictionary<string, string[]> errors) => new(null, null, errors);
}
