using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Tenancy;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.Core.Bots;

/// <summary>
/// The Hangfire job that works through one bot's inbox. One job per bot at a time, by a PostgreSQL advisory try-lock
/// held on a dedicated connection (a killed worker releases it with its connection); inside, chats run in parallel lanes and
/// each chat's updates one at a time in update_id order. An update is marked
/// processed only after its handler finished; a crash means it runs again, which every handler tolerates.
/// </summary>
public sealed class InboxProcessor(
    TenantScopeFactory tenantScopes, ITenantStore tenants, BotDataSource dataSource, InboxSignals signals, IOptions<TelegramOptions> options, TimeProvider time,
    ILogger<InboxProcessor> logger)
{
    private const int MaxAttempts = 5;
    internal const int LockClass = 0x5354_4246; // "STBF": keeps our advisory locks apart from anyone else's

    // Short first delays: a chat waits behind its failed update, so a transient error must not cost a minute.
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [1, 1, 2, 3, 5, 10, 30, 120, 300, 900])]
    public async Task ProcessBotAsync(Guid tenantId, Guid botId, CancellationToken cancellationToken)
    {
        if (await tenants.FindByIdAsync(tenantId, cancellationToken) is not { } tenant)
        {
            return;
        }

        await using var lockConnection = await dataSource.OpenAsync(cancellationToken);
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
                drained = await DrainBotAsync(tenant, botId, cancellationToken);
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
            await using var scope = tenantScopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            if (!await db.InboxUpdates.AnyAsync(u => u.BotId == botId && u.ProcessedAt == null, cancellationToken))
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
    private async Task<bool> DrainBotAsync(TenantInfo tenant, Guid botId, CancellationToken cancellationToken)
    {
        var parallelism = options.Value.ProcessorChatParallelism;
        var lanes = new Dictionary<long, Task<bool>>();
        var failed = false;
        while (true)
        {
            var seen = signals.Version(botId);
            if (!failed && lanes.Count < parallelism)
            {
                foreach (var chat in await PendingChatsAsync(tenant, botId, parallelism * 2, cancellationToken))
                {
                    var key = chat ?? long.MinValue; // updates without a chat form one lane of their own
                    if (lanes.Count < parallelism && !lanes.ContainsKey(key))
                    {
                        lanes[key] = DrainChatAsync(tenant, botId, chat, cancellationToken);
                    }
                }
            }

            if (lanes.Count == 0)
            {
                return !failed;
            }

            // Wake when a lane is free, when the ingress signals new updates for this bot, or (signals can be lost) to poll.
            await Task.WhenAny(Task.WhenAny(lanes.Values), signals.WaitAsync(botId, seen, options.Value.ProcessorPollInterval, cancellationToken));
            foreach (var (chat, lane) in lanes.Where(l => l.Value.IsCompleted).ToList())
            {
                lanes.Remove(chat);
                if (lane.IsFaulted)
                {
                    // E.g. the database went away mid-lane: the update stays unprocessed and the job is retried.
                    logger.LogWarning(lane.Exception, "A chat lane of bot {BotId} failed", botId);
                }

                failed |= !lane.IsCompletedSuccessfully || !lane.Result;
            }
        }
    }

    private async Task<List<long?>> PendingChatsAsync(TenantInfo tenant, Guid botId, int limit, CancellationToken cancellationToken)
    {
        await using var scope = tenantScopes.CreateScope(tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.InboxUpdates.Where(u => u.BotId == botId && u.ProcessedAt == null)
            .Select(u => u.ChatId).Distinct().OrderBy(c => c).Take(limit).ToListAsync(cancellationToken);
    }

    private async Task<bool> DrainChatAsync(TenantInfo tenant, Guid botId, long? chatId, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var scope = tenantScopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            // One connection for the whole update (its ~30 statements): every open costs a round trip that sets
            // the tenant for row-level security, so letting EF open and close per query would double them.
            await db.Database.OpenConnectionAsync(cancellationToken);
            var next = await db.InboxUpdates.Where(u => u.BotId == botId && u.ChatId == chatId && u.ProcessedAt == null)
                .OrderBy(u => u.UpdateId).FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                return true;
            }

            try
            {
                var update = JsonSerializer.Deserialize<Update>(next.Payload, JsonBotAPI.Options)
                    ?? throw new JsonException("The update is null.");
                await scope.ServiceProvider.GetRequiredService<BotUpdateHandler>().HandleAsync(tenant, botId, update, cancellationToken);
                next.ProcessedAt = time.GetUtcNow();
                next.LastError = null;
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
                var attempts = next.Attempts + 1;
                var poison = attempts >= MaxAttempts || e is JsonException;
                logger.LogWarning(e, "Update {UpdateId} of bot {BotId} failed (attempt {Attempt})", next.UpdateId, botId, attempts);
                await db.InboxUpdates.Where(u => u.Id == next.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(u => u.Attempts, attempts)
                    .SetProperty(u => u.LastError, Truncate(e.GetType().Name + ": " + e.Message))
                    .SetProperty(u => u.ProcessedAt, poison ? time.GetUtcNow() : null), cancellationToken);
                if (!poison)
                {
                    return false; // later updates of this chat wait: order per chat matters more than progress
                }
            }
        }
    }

    /// <summary>The second half of the bot's advisory lock key (Guid hash codes are the same in every process).</summary>
    internal static int LockKey(Guid botId) => botId.GetHashCode();

    private static string Truncate(string value) => value.Length <= 1000 ? value : value[..1000];
}
