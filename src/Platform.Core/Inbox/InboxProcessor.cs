using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Core.Bots;
using Platform.Core.Conversation;
using Platform.Core.Data;
using Platform.Core.Jobs;
using Platform.Core.Outbound;
using Platform.Core.Subscriptions;
using Platform.Core.Telemetry;
using Platform.Core.Tenancy;

namespace Platform.Core.Inbox;

/// <summary>
/// The Hangfire job that works through one bot's inbox. One job per bot at a time, by a PostgreSQL advisory try-lock
/// held on a dedicated connection (a killed worker releases it with its connection); inside, chats run in parallel lanes and
/// each chat's updates one at a time in update_id order. An update is marked processed only after its handler
/// finished (in the next look at the work list); a crash means it runs again, which every handler tolerates.
/// </summary>
public sealed class InboxProcessor(
    TenantScopeFactory tenantScopes, TenantJobScope jobScope, BotDataSource dataSource, InboxSignals signals, ProcessorThrottle throttle,
        IOptions<TelegramOptions> options,
    TimeProvider time, ILogger<InboxProcessor> logger)
{
    private const int MaxAttempts = 5;
    internal const int LockClass = 0x5354_4246; // "STBF": keeps our advisory locks apart from anyone else's

    // Short first delays: a chat waits behind its failed update, so a transient error must not cost a minute.
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [1, 1, 2, 3, 5, 10, 30, 120, 300, 900])]
    public async Task ProcessBotAsync(Guid tenantId, Guid botId, CancellationToken cancellationToken)
    {
        if (await jobScope.FindTenantAsync(tenantId, cancellationToken) is not { } tenant)
        {
            return;
        }

        // The lock's connection also runs the work list, bound to the tenant once for the whole job.
        await using var lockConnection = await dataSource.OpenAsync(cancellationToken);
        await TenantSession.SetAsync(lockConnection, tenant.Id, cancellationToken);
        var key = LockKey(botId);
        while (true)
        {
            // One job per bot at a time; a job that finds the lock taken leaves the work to its holder.
            if (!await AdvisoryLocks.TryLockAsync(lockConnection, LockClass, key, cancellationToken))
            {
                return;
            }

            bool drained;
            try
            {
                drained = await DrainBotAsync(tenant, botId, lockConnection, cancellationToken);
            }
            finally
            {
                await AdvisoryLocks.UnlockAsync(lockConnection, LockClass, key);
            }

            if (!drained)
            {
                // Hangfire retries the job; the failing update keeps its place and its attempt count.
                throw new InvalidOperationException($"An update of bot {botId} failed; retrying.");
            }

            // An update stored while we held the lock may have had its own job give up at the lock: look once more.
            if (!await InboxWorkList.AnyPendingAsync(lockConnection, tenant.Id, botId, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Lanes, not rounds: every chat with pending updates gets a lane as soon as one is free, and a chat whose update
    /// is stored while others are still being served is picked up when the ingress signals it (or at the next poll) — it never waits for a whole
    /// round of slower chats (a buyer's payment would otherwise wait behind other buyers' deliveries).
    /// </summary>
    private async Task<bool> DrainBotAsync(TenantInfo tenant, Guid botId, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var parallelism = options.Value.ProcessorChatParallelism;
        var lanes = new Dictionary<long, (PendingUpdate Update, Task<LaneOutcome> Task)>();
        var done = new List<long>();
        var failed = false;
        try
        {
            while (true)
            {
                var seen = signals.Version(botId);
                if (!failed && lanes.Count < parallelism)
                {
                    var heads = await InboxWorkList.MarkAndFetchAsync(
                        connection, tenant.Id, botId, done, lanes.Keys, parallelism * 2, time.GetUtcNow(), cancellationToken);
                    done.Clear();
                    foreach (var head in heads.Where(h => !lanes.ContainsKey(h.Lane)).Take(parallelism - lanes.Count))
                    {
                        lanes[head.Lane] = (head, RunLaneAsync(tenant, botId, head, cancellationToken));
                    }
                }

                if (lanes.Count == 0)
                {
                    return !failed;
                }

                // Wake when a lane is free, when the ingress signals new updates for this bot, or (signals can be lost) to poll.
                await Task.WhenAny(Task.WhenAny(lanes.Values.Select(l => l.Task)), signals.WaitAsync(botId, seen, options.Value.ProcessorPollInterval,
                    cancellationToken));
                foreach (var (lane, (update, task)) in lanes.Where(l => l.Value.Task.IsCompleted).ToList())
                {
                    lanes.Remove(lane);
                    if (task.IsFaulted)
                    {
                        // E.g. the database went away mid-lane: the update stays unprocessed and the job is retried.
                        logger.LogWarning(task.Exception, "A chat lane of bot {BotId} failed", botId);
                    }

                    var outcome = task.IsCompletedSuccessfully ? task.Result : LaneOutcome.Failed;
                    if (outcome == LaneOutcome.Handled)
                    {
                        done.Add(update.Id);
                    }

                    failed |= outcome == LaneOutcome.Failed;
                }
            }
        }
        finally
        {
            // Finished updates are never handled twice just because the job stopped before its next look.
            await InboxWorkList.MarkAsync(connection, tenant.Id, done, time.GetUtcNow(), CancellationToken.None);
        }
    }

    /// <summary>One update of one chat, in a tenant scope of its own.</summary>
    private async Task<LaneOutcome> RunLaneAsync(TenantInfo tenant, Guid botId, PendingUpdate next, CancellationToken cancellationToken)
    {
        await Task.Yield(); // lanes start concurrently; the caller goes on starting the others
        using var activity = StartProcessing(next);
        using var place = await throttle.EnterAsync(cancellationToken);
        try
        {
            var update = UpdateReader.Read(next.Payload);
            if (BotUpdateHandler.PrivateChatOf(update) is null && !ChatMemberTracker.Serves(update))
            {
                return LaneOutcome.Handled; // nothing for the store (a group, a kind of update it does not serve): no scope, no connection
            }

            await using var scope = tenantScopes.CreateScope(tenant);
            // One connection for the whole update (its dozen statements): every open costs a round trip that sets the
            // tenant for row-level security, so letting EF open and close per query would multiply them. The lane
            // gives it back at once: holding connections across updates would let busy jobs starve the others' lanes.
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.OpenConnectionAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<BotUpdateHandler>().HandleAsync(tenant, botId, update, cancellationToken);
            return LaneOutcome.Handled;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = next.Attempts + 1;
            // An update the Bot API types cannot read never will: set aside at once, with the reader's error.
            var poison = attempts >= MaxAttempts || e is UnreadableUpdateException;
            logger.LogWarning(e, "Update {UpdateId} of bot {BotId} failed (attempt {Attempt})", next.UpdateId, botId, attempts);
            // A fresh connection: the update's own may be mid-transaction or broken.
            await using var fresh = await dataSource.OpenAsync(cancellationToken);
            await TenantSession.SetAsync(fresh, tenant.Id, cancellationToken);
            await InboxWorkList.RecordFailureAsync(fresh, tenant.Id, next.Id, attempts, Truncate(e is UnreadableUpdateException ? e.Message : e.GetType().Name
                + ": " + e.Message),
                poison ? time.GetUtcNow() : null, cancellationToken);
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            // Set aside, the chat goes on; otherwise later updates of this chat wait (order per chat matters more than progress).
            return poison ? LaneOutcome.SetAside : LaneOutcome.Failed;
        }
    }

    /// <summary>
    /// The "process update" span, a child of the ingress request that stored the update (its traceparent was stored
    /// with it), so one trace runs from Telegram's POST to the messages and documents sent back. Null when no trace
    /// is recorded.
    /// </summary>
    private static Activity? StartProcessing(PendingUpdate next)
    {
        var parent = next.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context)
            ? context
            : default;
        var activity = StarfrontTelemetry.ActivitySource.StartActivity("process update", ActivityKind.Consumer, parent);
        activity?.SetTag("telegram.update_id", next.UpdateId);
        activity?.SetTag("starfront.attempt", next.Attempts + 1);
        return activity;
    }

    /// <summary>The second half of the bot's advisory lock key (Guid hash codes are the same in every process).</summary>
    internal static int LockKey(Guid botId) => botId.GetHashCode();

    private static string Truncate(string value) => PostgresText.Clean(value.Length <= 1000 ? value : value[..1000])!;
}
