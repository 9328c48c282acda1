namespace Platform.Core.Tenancy;

/// <summary>A user's place in one store. Unique per (tenant, user).</summary>
public sealed class Membership : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public MembershipRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
