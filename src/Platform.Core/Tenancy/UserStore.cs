namespace Platform.Core.Tenancy;

/// <summary>One store a user belongs to, with the user's role there (store switcher, login's store pick).</summary>
public sealed record UserStore(TenantInfo Store, MembershipRole Role, DateTimeOffset MemberSince);
