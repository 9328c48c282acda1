using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Core.Data;

namespace Platform.Core.Outbound;

/// <summary>
/// The bot-wide send gate every process shares (<see cref="SendRateSlot"/>, UNLOGGED): Telegram counts a bot's messages
/// across every replica that uses its token, so a gate per process let two workers send 60/s for one bot. Each
/// reservation is ONE atomic upsert on the bot's row, on the database clock (<c>clock_timestamp()</c>) so the processes'
/// clocks never matter, with the same arithmetic as <see cref="SendRateGate"/> (tolerance = interval × (burst − 1)).
/// When PostgreSQL does not answer within <see cref="Timeout"/> the caller falls back to its process-local gate (a send
/// then will most likely fail anyway) and the database is left alone for <see cref="Pause"/>, so a dead database costs a
/// rush one timeout, not one per message. Rows of bots quiet for <see cref="QuietAfter"/> are pruned now and then.
/// </summary>
public sealed class SharedSendGate(BotDataSource dataSource, TimeProvider time, ILogger<SharedSendGate> logger)
{
    /// <summary>The longest a reservation waits for the database before the local gate takes over.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>How long the local gate stays in charge after the database failed to answer.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    /// <summary>A row this long past its theoretical arrival holds no state a fresh row would not (its bucket is full).</summary>
    public static readonly TimeSpan QuietAfter = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(5);

    // "now" is taken once (the EXCLUDED row's value); the wait is returned relative to the database clock.
    private const string ReserveSql = """
        INSERT INTO "SendRateSlots" AS s ("BotId", "ChatId", "TheoreticalArrival")
        VALUES ($1, $2, clock_timestamp() + $3 + $4)
        ON CONFLICT ("BotId", "ChatId") DO UPDATE
            SET "TheoreticalArrival" = greatest(s."TheoreticalArrival" + $4, EXCLUDED."TheoreticalArrival")
        RETURNING s."TheoreticalArrival" - clock_timestamp()
        """;

    private const string BlockSql = """
        INSERT INTO "SendRateSlots" AS s ("BotId", "ChatId", "TheoreticalArrival")
        VALUES ($1, $2, clock_timestamp() + $3)
        ON CONFLICT ("BotId", "ChatId") DO UPDATE
            SET "TheoreticalArrival" = greatest(s."TheoreticalArrival", EXCLUDED."TheoreticalArrival")
        """;

    private const string PruneSql = """DELETE FROM "SendRateSlots" WHERE "TheoreticalArrival" < clock_timestamp() - $1""";

    private long pausedUntilTicks;
    private long nextPruneTicks;

    /// <summary>
    /// Reserves the next slot of the gate (<paramref name="botId"/>, <paramref name="chatId"/>; 0 = bot-wide) as seen
    /// <paramref name="after"/> from now, and returns how long to wait from now (at least <paramref name="after"/>);
    /// null when the database did not answer (use the local gate).
    /// </summary>
    public async Task<TimeSpan?> ReserveAsync(Guid botId, long chatId, TimeSpan interval, int burst, TimeSpan after, CancellationToken cancellationToken)
    {
        var tolerance = interval * Math.Max(0, burst - 1);
        var untilArrival = await RunAsync(ReserveSql, [botId, chatId, after, interval], cancellationToken);
        PruneNowAndThen();
        if (untilArrival is not TimeSpan arrival)
        {
            return null;
        }

        // The slot starts at the new theoretical arrival less one interval (the old one, or "now" for an idle gate),
        // less the burst's tolerance; never before the caller's own delay.
        var wait = arrival - interval - tolerance;
        return wait > after ? wait : after;
    }

    /// <summary>Telegram said "retry after": nothing more goes out through this shared gate before then (plus the tolerance).</summary>
    public async Task<bool> BlockAsync(Guid botId, long chatId, TimeSpan retryAfter, TimeSpan interval, int burst, CancellationToken cancellationToken)
    {
        var tolerance = interval * Math.Max(0, burst - 1);
        return await RunAsync(BlockSql, [botId, chatId, retryAfter + tolerance], cancellationToken) is not null;
    }

    /// <summary>Deletes the rows of quiet gates; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(PruneSql, connection) { Parameters = { new() { Value = QuietAfter } } };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<object?> RunAsync(string sql, object[] values, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcTicks;
        if (now < Interlocked.Read(ref pausedUntilTicks))
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = await dataSource.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            return await command.ExecuteScalarAsync(timeout.Token) ?? DBNull.Value;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Interlocked.Exchange(ref pausedUntilTicks, (time.GetUtcNow() + Pause).UtcTicks);
            logger.LogWarning("The shared send gate is unreachable ({Error}); this process paces its bots on its own gates for {Pause}s",
                e.Message, Pause.TotalSeconds);
            return null;
        }
    }

    private void PruneNowAndThen()
    {
        var now = time.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref nextPruneTicks);
        if (now < next || Interlocked.CompareExchange(ref nextPruneTicks, now + PruneEvery.Ticks, next) != next)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var pruned = await PruneAsync(CancellationToken.None);
                logger.LogDebug("Pruned {Count} quiet send-gate rows", pruned);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or ObjectDisposedException)
            {
                logger.LogDebug("Pruning the send-gate rows failed ({Error}); the next pass tries again", e.Message);
            }
        });
    }
}
