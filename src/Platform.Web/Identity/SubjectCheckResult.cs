using Platform.Core.Tenancy;

namespace Platform.Web.Identity;

/// <summary>Outcome of <see cref="TokenSubjectValidator"/>: the store when allowed, otherwise why not, in words fit for a client.</summary>
public sealed record SubjectCheckResult(TenantInfo? Tenant, SubjectRefusal Refusal, string Description)
{
    public bool Allowed => Refusal == SubjectRefusal.None;

    public static SubjectCheckResult Allow(TenantInfo tenant) => new(tenant, SubjectRefusal.None, string.Empty);

    public static SubjectCheckResult Refuse(SubjectRefusal refusal, string description, TenantInfo? tenant = null) => new(tenant, refusal, description);
}
