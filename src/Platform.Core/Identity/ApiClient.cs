using Platform.Core.Tenancy;

namespace Platform.Core.Identity;

/// <summary>
/// A merchant's machine client (OAuth 2.0 client credentials). The OpenIddict application holds the
/// hashed secret; this row ties it to the store and records who made or revoked it.
/// </summary>
public sealed class ApiClient : ITenantOwned
{
    public const int NameMaxLength = 80;

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public required string ClientId { get; set; }
    public required string ApplicationId { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
