using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Jobs;

namespace Platform.Core.Bots;

/// <summary>
/// Keeps every bot's webhook what this version sets. A release that asks Telegram for more update kinds (chat_member,
/// my_chat_member and chat_join_request for subscriptions) would otherwise leave bots registered before it deaf to them
/// until their owner pressed "Re-sync". Runs at each job-server start and daily: one job per bot, which reads
/// getWebhookInfo and re-syncs only a stale webhook (<see cref="BotRegistrationService.ResyncIfStaleAsync"/>), so running
/// it twice or on two workers changes nothing more.
/// </summary>
public sealed class BotWebhookRefreshJob(TenantJobScope jobScope, CrossTenantReaderFactory readers, IBackgroundJobClient jobs)
{
    public const string RecurringJobId = "bots:webhook-refresh";

    [AutomaticRetry(Attempts = 0)]
    public async Task FanOutAsync(CancellationToken cancellationToken)
    {
        await using var reader = readers.CreateReader();
        var bots = await reader.Bots.Where(b => b.Status != BotStatus.Broken).Select(b => new { b.TenantId, b.Id }).ToListAsync(cancellationToken);
        foreach (var bot in bots)
        {
            var (tenantId, botId) = (bot.TenantId, bot.Id);
            jobs.Enqueue<BotWebhookRefreshJob>(j => j.RefreshAsync(tenantId, botId, CancellationToken.None));
        }
    }

    /// <summary>True when the bot's webhook was stale and is now re-synced.</summary>
    [AutomaticRetry(Attempts = 2)]
    public Task<bool> RefreshAsync(Guid tenantId, Guid botId, CancellationToken cancellationToken) =>
        jobScope.RunAsync(tenantId, whenGone: false, (_, services) =>
            services.GetRequiredService<BotRegistrationService>().ResyncIfStaleAsync(botId, cancellationToken), cancellationToken);
}
