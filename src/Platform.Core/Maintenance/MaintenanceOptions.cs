namespace Platform.Core.Maintenance;

/// <summary>
/// The <c>Maintenance</c> section: how old things get before the recurring clean-up jobs
/// (<see cref="Orders.OrderAbandonmentJob"/>, <see cref="Identity.IdentityTokenPruningJob"/>) take them away. Validated on start.
/// </summary>
public sealed class MaintenanceOptions
{
    /// <summary>A pending order older than this becomes Abandoned (Telegram's Stars invoices never expire on their own).</summary>
    public TimeSpan AbandonPendingOrdersAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>OpenIddict tokens and authorizations that are no longer valid are deleted once created longer ago than this.</summary>
    public TimeSpan PruneIdentityTokensAfter { get; set; } = TimeSpan.FromDays(14);
}
