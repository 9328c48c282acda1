using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Core.Data;
using Platform.Core.Tenancy;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.Core.Bots;

/// <summary>
/// The Hangfire job that works through one bot's inbox. One job per bot at a time, by a PostgreSQL advisory try-lock
/// held on a dedicated connection (a killed worker releases it with its connection); inside, chats run in parallel and
/// each chat's updates one at a time in update_id order. An update is marked
/// processed only after its handler finished; a crash means it runs again, which every handler tolerates.
/// </summary>
public sealed class InboxProcessor(
    TenantScopeFactory tenantScopes, ITenantStore tenants, BotDataSource dataSource, TimeProvider time, ILogger<InboxProcessor> logger)
{
    private const int MaxAttempts = 5;
    private const int ChatParallelism = 4;
    private const int LockClass = 0x5354_4246; // "STBF": keeps our advisory locks apart from anyone else's

    // Short first delays: a chat waits behind its failed update, so a transient error must not cost a minute.
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [1, 1, 2, 3, 5, 10, 30, 120, 300, 900])]
    public async Task ProcessBotAsync(Guid tenantId, Guid botId, CancellationToken cancellationToken)
    {
        if (await tenants.FindByIdAsync(tenantId, cancellationToken) is not { } tenant)
        {
            return;
        }

        await using var lockConnection = await dataSource.OpenAsync(cancellationToken);
        var key = botId.GetHashCode();
        while (true)
        {
            // One job per bot at a time; a job that finds the lock taken leaves the work to its holder.
            if (!await ExecuteLockAsync(lockConnection, "SELECT pg_try_advisory_lock($1, $2)", LockClass, key, cancellationToken))
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
                await ExecuteLockAsync(lockConnection, "SELECT pg_advisory_unlock($1, $2)", LockClass, key, CancellationToken.None);
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

    private async Task<bool> DrainBotAsync(TenantInfo tenant, Guid botId, CancellationToken cancellationToken)
    {
        while (true)
        {
            List<long?> chats;
            await using (var scope = tenantScopes.CreateScope(tenant))
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                chats = await db.InboxUpdates.Where(u => u.BotId == botId && u.ProcessedAt == null)
                    .Select(u => u.ChatId).Distinct().OrderBy(c => c).Take(1000).ToListAsync(cancellationToken);
            }

            if (chats.Count == 0)
            {
                return true;
            }

            var failed = 0;
            await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = ChatParallelism, CancellationToken = cancellationToken },
                async (chat, ct) =>
                {
                    if (!await DrainChatAsync(tenant, botId, chat, ct))
                    {
                        Interlocked.Increment(ref failed);
                    }
                });
            if (failed > 0)
            {
                return false;
            }
        }
    }

    private static async Task<bool> ExecuteLockAsync(NpgsqlConnection connection, string sql, int key1, int key2, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key1 });
        command.Parameters.Add(new NpgsqlParameter { Value = key2 });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<bool> DrainChatAsync(TenantInfo tenant, Guid botId, long? chatId, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var scope = tenantScopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
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

    private static string Truncate(string value) => value.Length <= 1000 ? value : value[..1000];
}
