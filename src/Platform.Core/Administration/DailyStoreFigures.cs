using Platform.Core.Tenancy;

namespace Platform.Core.Administration;

/// <summary>
/// One store's sales on one UTC day, summed from its Stars ledger (payments and renewals in, refunds out) by
/// <see cref="DailyStoreFiguresRollup"/>: derived, rebuildable at any time, so the platform dashboard and the stores
/// list never sum a million ledger rows per request.
/// </summary>
[GlobalEntity("Platform admins' per-store daily totals, derived from the ledger across stores; no store reads it.")]
public sealed class DailyStoreFigures
{
    public Guid TenantId { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>Payments and subscription renewals credited that day.</summary>
    public int Sales { get; set; }

    /// <summary>Whole Stars those sales brought in (gross merchandise value).</summary>
    public long GrossStars { get; set; }

    public int Refunds { get; set; }

    /// <summary>Whole Stars refunded that day (positive).</summary>
    public long RefundedStars { get; set; }

    /// <summary>The day's last sale, for "last sale" in the stores list.</summary>
    public DateTimeOffset? LastSaleAt { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
}
