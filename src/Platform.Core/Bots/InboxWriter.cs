using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Platform.Core.Data;

namespace Platform.Core.Bots;

/// <summary>
/// Group commit for the update inbox. Requests queue here; one writer takes everything waiting (up to
/// <see cref="MaxBatch"/>), stores it with one multi-row INSERT … ON CONFLICT DO NOTHING per tenant inside ONE
/// transaction, commits, and only then completes each request — so every 200 follows a durable commit, and a
/// burst of N updates costs one fsync instead of N. Row-level security still applies: the tenant setting is
/// switched (transaction-local) before each tenant's rows.
/// </summary>
public sealed class InboxWriter : BackgroundService
{
    public const int MaxBatch = 512;
    private readonly Channel<InboxEntry> queue = Channel.CreateBounded<InboxEntry>(new BoundedChannelOptions(20_000) { SingleReader = true });
    private readonly BotDataSource dataSource;
    private readonly InboxProcessorScheduler scheduler;
    private readonly TimeProvider time;
    private readonly ILogger<InboxWriter> logger;

    public InboxWriter(BotDataSource dataSource, InboxProcessorScheduler scheduler, TimeProvider time, ILogger<InboxWriter> logger)
    {
        this.dataSource = dataSource;
        this.scheduler = scheduler;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Completes after the update is durably stored: true if new, false if a duplicate.</summary>
    public async Task<bool> WriteAsync(Guid tenantId, Guid botId, UpdateEnvelope envelope, byte[] payload, CancellationToken cancellationToken)
    {
        var entry = new InboxEntry(tenantId, botId, envelope, payload);
        await queue.Writer.WriteAsync(entry, cancellationToken);
        return await entry.Committed.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<InboxEntry>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                await StoreAsync(batch, stoppingToken);
                // Pre-checkout queries are answered by the ingress itself and stored as processed: no job for them.
                foreach (var bot in batch.Where(e => !e.Envelope.IsPreCheckout).Select(e => (e.TenantId, e.BotId)).Distinct())
                {
                    scheduler.Request(bot.TenantId, bot.BotId);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Nothing was acknowledged: every request of the batch answers an error and Telegram redelivers.
                logger.LogError(e, "Storing a batch of {Count} updates failed", batch.Count);
                foreach (var entry in batch)
                {
                    entry.Committed.TrySetException(e);
                }
            }
        }
    }

    private async Task StoreAsync(List<InboxEntry> batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var commands = new NpgsqlBatch(connection, transaction);
        foreach (var group in batch.GroupBy(e => e.TenantId))
        {
            commands.BatchCommands.Add(TenantSession.Set(group.Key, transactionLocal: true));
            // Distinct on the unique key first: two copies of an update in one statement would make ON CONFLICT fail.
            commands.BatchCommands.Add(BuildInsert(group.Key, group.DistinctBy(e => (e.BotId, e.Envelope.UpdateId)).ToList(), now));
        }

        var inserted = new HashSet<(Guid, long)>();
        await using (var reader = await commands.ExecuteReaderAsync(cancellationToken))
        {
            // Result sets alternate: the tenant setting, then that tenant's inserted rows.
            var result = 0;
            do
            {
                var rows = result++ % 2 == 1;
                while (rows && await reader.ReadAsync(cancellationToken))
                {
                    inserted.Add((reader.GetGuid(0), reader.GetInt64(1)));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var entry in batch)
        {
            // The first copy in the batch reports "new"; later copies and old duplicates report "duplicate".
            entry.Committed.TrySetResult(inserted.Remove((entry.BotId, entry.Envelope.UpdateId)));
        }
    }

    private static NpgsqlBatchCommand BuildInsert(Guid tenantId, List<InboxEntry> rows, DateTimeOffset now)
    {
        var sql = new StringBuilder("INSERT INTO \"InboxUpdates\" (\"TenantId\", \"BotId\", \"UpdateId\", \"ChatId\", \"Payload\", \"ReceivedAt\", \"ProcessedAt\", \"Attempts\") VALUES ");
        var command = new NpgsqlBatchCommand();
        var p = 1;
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Append(i == 0 ? "" : ",").Append($"(${p}, ${p + 1}, ${p + 2}, ${p + 3}, ${p + 4}::jsonb, ${p + 5}, ${p + 6}, 0)");
            p += 7;
            var row = rows[i];
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            command.Parameters.Add(new NpgsqlParameter { Value = row.BotId });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Envelope.UpdateId });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.Envelope.ChatId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            command.Parameters.Add(new NpgsqlParameter { Value = Encoding.UTF8.GetString(row.Payload), NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = now });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Envelope.IsPreCheckout ? now : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        }

        sql.Append(" ON CONFLICT (\"TenantId\", \"BotId\", \"UpdateId\") DO NOTHING RETURNING \"BotId\", \"UpdateId\"");
        command.CommandText = sql.ToString();
        return command;
    }
}
