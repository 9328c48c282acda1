using Hangfire;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;
using Platform.Core.Orders;

namespace Platform.Core.Inbox;

/// <summary>
/// Recurring backstop (every minute, and once when a job server starts): bots with unprocessed updates get a
/// processor job, paid-but-unfulfilled orders a fulfilment job. Covers a process that died between commit and
/// enqueue, and a worker killed mid-job (its advisory locks died with its connection).
/// </summary>
public sealed class InboxSweep(CrossTenantReaderFactory readers, IBackgroundJobClient jobs, TimeProvider time)
{
    public const string RecurringJobId = "bots-inbox-sweep";

    /// <summary>
    /// <paramref name="minAgeSeconds"/>: updates younger than this are left to the jobs enqueued at ingress (the
    /// recurring run uses 5 s); a starting job server passes 0 and takes everything a killed worker left.
    /// </summary>
    public async Task RunAsync(int minAgeSeconds, CancellationToken cancellationToken)
    {
        var olderThan = time.GetUtcNow() - TimeSpan.FromSeconds(minAgeSeconds);
        await using var db = readers.CreateReader();
        var bots = await db.InboxUpdates.Where(u => u.ProcessedAt == null && u.ReceivedAt < olderThan)
            .Select(u => new { u.TenantId, u.BotId }).Distinct().ToListAsync(cancellationToken);
        foreach (var bot in bots)
        {
            jobs.Enqueue<InboxProcessor>(p => p.ProcessBotAsync(bot.TenantId, bot.BotId, CancellationToken.None));
        }

        var stale = time.GetUtcNow() - TimeSpan.FromSeconds(minAgeSeconds == 0 ? 0 : 60);
        // Stores whose deliveries an admin froze keep their paid orders until the freeze is lifted; leaving them out here
        // keeps them from filling the 500 and starving every other store's backstop.
        var orders = await db.Orders.Where(o => o.Status == OrderStatus.Paid && o.PaidAt < stale
                && !db.Tenants.Any(t => t.Id == o.TenantId && t.DeliveriesFrozen))
            .OrderBy(o => o.PaidAt).Select(o => new { o.TenantId, o.Id }).Take(500).ToListAsync(cancellationToken);
        foreach (var order in orders)
        {
            jobs.Enqueue<FulfilOrderJob>(j => j.RunAsync(order.TenantId, order.Id, CancellationToken.None));
        }
    }
}
