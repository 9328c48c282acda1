namespace Platform.Core.Tenancy;

/// <summary>What a sign-up made: the store and its first owner's account.</summary>
public sealed record NewStore(TenantInfo Tenant, Guid OwnerUserId);
