namespace Platform.Core.Tenancy;

/// <summary>
/// A link the owner sends to a new team member. Only the SHA-256 of the token is stored, so a
/// database reader cannot accept someone else's invitation.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Email { get; set; }
    public MembershipRole Role { get; set; }
    public required string TokenHash { get; set; }
    public Guid InvitedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? AcceptedByUserId { get; set; }
}
