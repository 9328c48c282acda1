namespace Platform.Core.Identity;

/// <summary>
/// A new API client and its plain secret. The secret exists only in this object, returned once to the owner;
/// <see cref="ToString"/> leaves it out so a log line cannot leak it.
/// </summary>
public sealed record CreatedApiClient(ApiClient Client, string ClientSecret)
{
    public override string ToString() => $"ApiClient {Client.ClientId} created";
}
