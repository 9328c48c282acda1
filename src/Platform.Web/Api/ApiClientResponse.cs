using Platform.Core.Identity;

namespace Platform.Web.Api;

/// <summary>An API client as the API shows it: never a secret (it is not stored in readable form anyway).</summary>
public sealed record ApiClientResponse(Guid Id, string Name, string ClientId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiClientResponse From(ApiClient client) => new(client.Id, client.Name, client.ClientId, client.CreatedAt, client.RevokedAt);
}
