namespace Platform.Core.Tenancy;

/// <summary>An accepted invitation: the store joined and the member (an existing user, or the account just created).</summary>
public sealed record JoinedStore(TenantInfo Store, Guid UserId);
