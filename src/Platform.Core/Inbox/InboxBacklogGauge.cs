using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Core.Data;
using Platform.Core.Telemetry;

namespace Platform.Core.Inbox;

/// <summary>
/// <c>starfront_inbox_backlog</c>: updates stored and not yet processed, across every store — the first sign that the
/// job servers fall behind. A scrape reads a count at most <see cref="MaxAge"/> old: one cheap query on the partial
/// unprocessed index (capped at <see cref="Cap"/> rows), never one per scrape of every replica. The meter comes from
/// the host's meter factory, so the gauge (and its database callback) ends with its host.
/// </summary>
public sealed class InboxBacklogGauge : IHostedService, IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    public const int Cap = 1_000_000;

    private const string CountSql = """
        SELECT count(*) FROM (SELECT 1 FROM "InboxUpdates" WHERE "ProcessedAt" IS NULL LIMIT $1) pending
        """;

    private readonly BotDataSource dataSource;
    private readonly ILogger<InboxBacklogGauge> logger;
    private readonly Meter meter;
    private readonly Lock gate = new();
    private long count = -1;
    private long readAt;
    private Task? refresh;

    public InboxBacklogGauge(BotDataSource dataSource, IMeterFactory meters, ILogger<InboxBacklogGauge> logger)
    {
        this.dataSource = dataSource;
        this.logger = logger;
        meter = meters.Create(StarfrontTelemetry.Name);
        meter.CreateObservableGauge("starfront.inbox.backlog", Observe, "{update}", "Telegram updates stored and not yet processed (all stores)");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => meter.Dispose();

    private IEnumerable<Measurement<long>> Observe()
    {
        Task? running;
        lock (gate)
        {
            if (refresh is null && TimeProvider.System.GetElapsedTime(readAt) > MaxAge)
            {
                refresh = RefreshAsync();
            }

            running = refresh;
        }

        // The first scrape waits (briefly) for a figure; later ones answer with the last one while a new one is read.
        if (running is not null && count < 0)
        {
            running.Wait(TimeSpan.FromSeconds(2));
        }

        var value = Interlocked.Read(ref count);
        return value < 0 ? [] : [new Measurement<long>(value)];
    }

    private async Task RefreshAsync()
    {
        try
        {
            await using var connection = await dataSource.OpenAsync(CancellationToken.None);
            await using var batch = new Npgsql.NpgsqlBatch(connection)
            {
                BatchCommands = { TenantSession.Set(null, crossTenant: true, transactionLocal: true) },
            };
            batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand(CountSql) { Parameters = { new() { Value = Cap } } });
            await using var reader = await batch.ExecuteReaderAsync();
            await reader.NextResultAsync();
            await reader.ReadAsync();
            Interlocked.Exchange(ref count, reader.GetInt64(0));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
            logger.LogWarning("Counting the inbox backlog failed: {Error}", e.Message);
        }
        finally
        {
            lock (gate)
            {
                readAt = TimeProvider.System.GetTimestamp();
                refresh = null;
            }
        }
    }
}
