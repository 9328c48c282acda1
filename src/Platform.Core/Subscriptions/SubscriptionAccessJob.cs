using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Jobs;

namespace Platform.Core.Subscriptions;

/// <summary>
/// Hangfire job (ids only): takes access back once a membership ended, when doing it at once failed (Telegram down).
/// The membership's status is already Expired, and the sweep no longer sees it, so this job is what retries.
/// <see cref="ChannelAccess.RevokeAsync"/> is safe to run twice.
/// </summary>
public sealed class SubscriptionAccessJob(TenantJobScope jobScope)
{
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200])]
    public Task RevokeAsync(Guid tenantId, Guid subscriptionId, string reason, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, (_, services) =>
            services.GetRequiredService<ChannelAccess>().RevokeAsync(subscriptionId, "system", reason, cancellationToken), cancellationToken);

    /// <summary>
    /// Cancels the Telegram subscription a membership no longer uses (a second one took over), so it never renews.
    /// Telegram answering that it has ended already counts as done.
    /// </summary>
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200])]
    public Task CancelReplacedAsync(Guid tenantId, Guid subscriptionId, string telegramChargeId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, async (_, services) =>
        {
            if (await services.GetRequiredService<StarSubscriptionCalls>().CancelChargeAsync(subscriptionId, telegramChargeId, cancellationToken)
                is { } failure)
            {
                throw new InvalidOperationException(failure.Message); // Hangfire retries
            }
        }, cancellationToken);
}
