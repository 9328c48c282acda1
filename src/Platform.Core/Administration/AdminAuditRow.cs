namespace Platform.Core.Administration;

/// <summary>One line of the admin audit log with the store's name and slug beside its id (null once a store is gone).</summary>
public sealed record AdminAuditRow(
    Guid Id, DateTimeOffset At, string AdminEmail, AdminAuditAction Action, Guid? TenantId, string? StoreName, string? StoreSlug, string Reason,
    string? Detail);
