using Platform.Core.Tenancy;

namespace Platform.Core.Administration;

/// <summary>
/// One platform admin action: who, when, what, on which store and the reason they typed. Rows are only inserted
/// (<see cref="TenantAdministration"/> writes them in the same transaction as the change they record).
/// </summary>
[GlobalEntity("The platform admins' own trail across stores; read only by platform admins, never by a store.")]
public sealed class AdminAuditEntry
{
    public const int ReasonMaxLength = 500;
    public const int DetailMaxLength = 200;

    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid AdminUserId { get; set; }
    public required string AdminEmail { get; set; }
    public AdminAuditAction Action { get; set; }

    /// <summary>The store acted on or looked at.</summary>
    public Guid? TenantId { get; set; }

    public required string Reason { get; set; }

    /// <summary>What was looked at (a view's section, e.g. "orders"), or extra words on a change.</summary>
    public string? Detail { get; set; }
}
