namespace Platform.Core.Tenancy;

/// <summary>What the invitation page shows about a valid, pending invitation.</summary>
public sealed record InvitationDetails(TenantInfo Store, string Email, MembershipRole Role, DateTimeOffset ExpiresAt);
