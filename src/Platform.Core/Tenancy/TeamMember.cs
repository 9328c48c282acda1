namespace Platform.Core.Tenancy;

/// <summary>A row of the team page: a membership with the member's email.</summary>
public sealed record TeamMember(Guid MembershipId, Guid UserId, string Email, MembershipRole Role, DateTimeOffset MemberSince);
