namespace Platform.Web.Tenancy;

public static class TenantClaimTypes
{
    /// <summary>The store a signed-in user is working in, or the store an API token belongs to.</summary>
    public const string TenantId = "tenant_id";
}
