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
/// The Hangfire job that works through one bot's inbox. Chats run in parallel; within a chat, updates run one at a
/// time in update_id order under a PostgreSQL advisory lock held on a dedicated connection — so two jobs for the same
/// bot never interleave a chat, and a killed worker releases its locks with its connection. An update is marked
/// processed only after its handler finished; a crash means it runs again, which every handler tolerates.
/// </summary>
public sealed class InboxProcessor(
    TenantScopeFactory tenantScopes, ITenantStore tenants, BotDataSource dataSource, TimeProvider time, ILogger<InboxProcessor> logger)
{
    private const int MaxAttempts = 5;
    private const int ChatParallelism = 16;

    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [1, 2, 5, 10, 30, 60, 120, 300, 600, 900])]
    public async Task ProcessBotAsync(Guid tenantId, Guid botId, CancellationToken cancellationToken)
    {
        if (await tenants.FindByIdAsync(tenantId, cancellationToken) is not { } tenant)
        {
            return;
        }

        var failed = false;
        for (var round = 0; round < 50; round++)
        {
            List<long?> chats;
            await using (var scope = tenantScopes.CreateScope(tenant))
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                chats = await db.InboxUpdates.Where(u => u.BotId == botId && u.ProcessedAt == null)
                    .Select(u => u.ChatId).Distinct().Take(1000).ToListAsync(cancellationToken);
            }

            if (chats.Count == 0)
            {
                break;
            }

            var results = new System.Collections.Concurrent.ConcurrentBag<bool>();
            await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = ChatParallelism, CancellationToken = cancellationToken },
                async (chat, ct) => results.Add(await ProcessChatAsync(tenant, botId, chat, ct)));
            if (results.Contains(false))
            {
                failed = true;
                break;
            }
        }

        if (failed)
        {
            // Hangfire retries the job; the failing update keeps its place and its attempt count.
            throw new InvalidOperationException($"Some updates of bot {botId} failed; retrying.");
        }
    }

    private async Task<bool> ProcessChatAsync(TenantInfo tenant, Guid botId, long? chatId, CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1, $2)", lockConnection))
        {
            take.Parameters.Add(new NpgsqlParameter { Value = botId.GetHashCode() });
            take.Parameters.Add(new NpgsqlParameter { Value = (chatId ?? 0).GetHashCode() });
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        // The lock is released when the connection closes (returned to the pool it is reset with DISCARD ALL).
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
