namespace Platform.Core.Tenancy;

public enum TenantStatus
{
    Active = 0,
    Suspended = 1,
}
