namespace Platform.Core.Tenancy;

/// <summary>Reads the tenant of the current request or job.</summary>
public interface ITenantContextAccessor
{
    TenantInfo? Tenant { get; }

    /// <summary>True only for contexts made by <see cref="Platform.Core.Data.CrossTenantReaderFactory"/>.</summary>
    bool IsCrossTenantReader { get; }
}
