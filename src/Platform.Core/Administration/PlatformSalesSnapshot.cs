using Platform.Core.Tenancy;

namespace Platform.Core.Administration;

/// <summary>
/// A dashboard period's sales (days and top stores) as the minute rollup job grouped them right after its pass, so a
/// web process reads one row instead of grouping up to 300,000 <see cref="DailyStoreFigures"/> rows on a request.
/// Derived: <see cref="PlatformSalesCache"/> groups again itself when the row is missing or from another pass.
/// </summary>
[GlobalEntity("Platform-wide sums for the admin dashboard, derived from DailyStoreFigures; no store reads it.")]
public sealed class PlatformSalesSnapshot
{
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }

    /// <summary>The rollup pass the sums come from (its <see cref="DailyStoreFigures.ComputedAt"/>).</summary>
    public DateTimeOffset? RollupAt { get; set; }

    /// <summary>The sums as JSON (<see cref="PlatformSalesCache"/>'s own shape).</summary>
    public required string Payload { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
}
