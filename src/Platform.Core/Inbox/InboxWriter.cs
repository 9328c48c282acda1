using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Platform.Core.Data;
using Platform.Core.Telemetry;

namespace Platform.Core.Inbox;

/// <summary>
/// Group commit for the update inbox. Requests queue here; one writer takes everything waiting (up to
/// <see cref="MaxBatch"/>), stores it with one multi-row INSERT … ON CONFLICT DO NOTHING per tenant inside ONE
/// transaction, commits, and only then completes each request — so every 200 follows a durable commit, and a
/// burst of N updates costs one fsync instead of N. Row-level security still applies: the tenant setting is
/// switched (transaction-local) before each tenant's rows. The same transaction NOTIFYs every bot it stored updates
/// for: PostgreSQL delivers the signal at COMMIT, so the processor (<see cref="InboxProcessorHost"/>, in whichever
/// process runs jobs) wakes on the commit itself — no queue, no poll between a buyer and their update. The writer keeps
/// one connection of its own open: a pool prunes idle connections, and a new backend (fork, authentication, cold
/// caches) cost the first burst after a quiet spell 70–450 ms here and once a whole second on a loaded CI machine.
/// </summary>
public sealed class InboxWriter : BackgroundService
{
    public const int MaxBatch = 512;
    private readonly Channel<InboxEntry> queue = Channel.CreateBounded<InboxEntry>(new BoundedChannelOptions(20_000) { SingleReader = true });
    private readonly BotDataSource dataSource;
    private readonly TimeProvider time;
    private readonly ILogger<InboxWriter> logger;
    private NpgsqlConnection? connection;

    public InboxWriter(BotDataSource dataSource, TimeProvider time, ILogger<InboxWriter> logger)
    {
        this.dataSource = dataSource;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>
    /// Completes after the update is durably stored: true if new, false if a duplicate. The caller's current activity
    /// (the ingress request's span, when traces are recorded) is stored with it, so the processing joins that trace.
    /// </summary>
    public async Task<bool> WriteAsync(Guid tenantId, Guid botId, UpdateEnvelope envelope, byte[] payload, CancellationToken cancellationToken)
    {
        var traceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C, Recorded: true } activity ? activity.Id : null;
        var entry = new InboxEntry(tenantId, botId, envelope, payload, traceParent);
        await queue.Writer.WriteAsync(entry, cancellationToken);
        return await entry.Committed.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<InboxEntry>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var entry))
                {
                    batch.Add(entry);
                }

                await StoreIsolatedAsync(batch, stoppingToken);
            }
        }
        finally
        {
            await DropConnectionAsync();
        }
    }

    /// <summary>
    /// The batch in one transaction; if that fails, each update in a transaction of its own, so one update the
    /// database refuses (or a bot deleted meanwhile) fails alone instead of answering 503 to every tenant in the batch.
    /// </summary>
    private async Task StoreIsolatedAsync(List<InboxEntry> batch, CancellationToken stoppingToken)
    {
        try
        {
            await StoreAsync(batch, stoppingToken);
            return;
        }
        catch (Exception e) when (batch.Count > 1 && (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested))
        {
            logger.LogWarning(e, "Storing a batch of {Count} updates failed; storing them one by one", batch.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Fail(batch[0], e);
            return;
        }

        foreach (var entry in batch)
        {
            try
            {
                await StoreAsync([entry], stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Fail(entry, e);
            }
        }
    }

    /// <summary>Nothing was acknowledged: the request answers an error and Telegram redelivers the update.</summary>
    private void Fail(InboxEntry entry, Exception e)
    {
        logger.LogError(e, "Storing update {UpdateId} of bot {BotId} failed", entry.Envelope.UpdateId, entry.BotId);
        entry.Committed.TrySetException(e);
    }

    private async Task StoreAsync(List<InboxEntry> batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            var reused = connection is not null;
            try
            {
                await StoreOnOwnConnectionAsync(batch, now, cancellationToken);
                return;
            }
            catch (Exception e)
            {
                // Its state is unknown after a failure: the next attempt starts on a fresh connection.
                await DropConnectionAsync();
                if (!reused || e is not NpgsqlException { IsTransient: true })
                {
                    throw;
                }

                // The kept connection went stale while idle (the server restarted, a proxy closed it): once more, on a new one.
                logger.LogWarning("Storing {Count} updates failed ({Error}); once more on a new connection", batch.Count, e.Message);
            }
        }
    }

    private async Task StoreOnOwnConnectionAsync(List<InboxEntry> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        connection ??= await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var commands = new NpgsqlBatch(connection, transaction);
        foreach (var group in batch.GroupBy(e => e.TenantId))
        {
            commands.BatchCommands.Add(TenantSession.Set(group.Key, transactionLocal: true));
            // Distinct on the unique key first: two copies of an update in one statement would make ON CONFLICT fail.
            commands.BatchCommands.Add(BuildInsert(group.Key, group.DistinctBy(e => (e.BotId, e.Envelope.UpdateId)).ToList(), now));
        }

        // Pre-checkout queries are answered by the ingress itself and stored as processed: no signal for them.
        var bots = batch.Where(e => !e.Envelope.IsPreCheckout).Select(e => InboxSignals.Payload(e.TenantId, e.BotId)).Distinct().ToArray();
        if (bots.Length > 0)
        {
            commands.BatchCommands.Add(
                new NpgsqlBatchCommand($"SELECT pg_notify('{InboxSignals.Channel}', b) FROM unnest($1::text[]) b") { Parameters = { new() { Value = bots } } });
        }

        var inserted = new HashSet<(Guid, long)>();
        await using (var reader = await commands.ExecuteReaderAsync(cancellationToken))
        {
            // Result sets: per tenant the tenant setting, then that tenant's inserted rows; last the signals (void).
            var result = 0;
            do
            {
                var rows = result++ % 2 == 1 && reader.FieldCount == 2;
                while (rows && await reader.ReadAsync(cancellationToken))
                {
                    inserted.Add((reader.GetGuid(0), reader.GetInt64(1)));
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        var executed = time.GetElapsedTime(started);
        await transaction.CommitAsync(cancellationToken);
        if (time.GetElapsedTime(started) is { TotalMilliseconds: > 500 } took)
        {
            // Buyers wait for this; seen twice in CI at about a second, cause not yet known: the phases say where.
            logger.LogWarning("Storing {Count} updates took {Took:F0} ms ({Executed:F0} ms until the commit)", batch.Count, took.TotalMilliseconds,
                executed.TotalMilliseconds);
        }
        foreach (var entry in batch)
        {
            // The first copy in the batch reports "new"; later copies and old duplicates report "duplicate".
            var stored = inserted.Remove((entry.BotId, entry.Envelope.UpdateId));
            if (stored)
            {
                BusinessMetrics.UpdateIngested(entry.Envelope.Kind);
            }

            entry.Committed.TrySetResult(stored);
        }
    }

    private async Task DropConnectionAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    private static NpgsqlBatchCommand BuildInsert(Guid tenantId, List<InboxEntry> rows, DateTimeOffset now)
    {
        var sql = new StringBuilder(
            "INSERT INTO \"InboxUpdates\" (\"TenantId\", \"BotId\", \"UpdateId\", \"ChatId\", \"Payload\", \"ReceivedAt\", " +
            "\"ProcessedAt\", \"Attempts\", \"TraceParent\") VALUES ");
        var command = new NpgsqlBatchCommand();
        var p = 1;
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Append(i == 0 ? "" : ",")
                .Append(CultureInfo.InvariantCulture, $"(${p}, ${p + 1}, ${p + 2}, ${p + 3}, ${p + 4}, ${p + 5}, ${p + 6}, 0, ${p + 7})");
            p += 8;
            var row = rows[i];
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            command.Parameters.Add(new NpgsqlParameter { Value = row.BotId });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Envelope.UpdateId });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.Envelope.ChatId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Payload, NpgsqlDbType = NpgsqlDbType.Bytea }); // the exact bytes, never parsed here
            command.Parameters.Add(new NpgsqlParameter { Value = now });
            command.Parameters.Add(new NpgsqlParameter { Value = row.Envelope.IsPreCheckout ? now : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.TraceParent ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        }

        sql.Append(" ON CONFLICT (\"TenantId\", \"BotId\", \"UpdateId\") DO NOTHING RETURNING \"BotId\", \"UpdateId\"");
        command.CommandText = sql.ToString();
        return command;
    }
}
