using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Data;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;
using Platform.LocalPostgres;
using Platform.Worker;

namespace Platform.Bench.Webhooks;

/// <summary>
/// One mode of the benchmark on its own fresh database of the shared cluster: the real Worker composition in-process
/// with the given settings, (a) the backlog and (b) the steady 1,000 events/s phase. Both modes run in one process run,
/// so before and after come from the same machine minute.
/// </summary>
internal sealed class BenchRun(LocalPostgresCluster cluster, int backlogEvents, int backlogEndpoints, int steadySeconds)
{
    private const int SteadyRate = 1_000;

    public async Task<BenchFigures> RunAsync(string mode, IReadOnlyDictionary<string, string?> settings, CancellationToken ct)
    {
        Console.WriteLine($"== {mode}: {string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"))}");
        var database = await cluster.EnsureDatabaseAsync("bench_" + Guid.NewGuid().ToString("N")[..8], null, ct);
        await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, database.AppConnectionString, NullLogger.Instance, ct);
        await using var receiver = await BenchReceiver.StartAsync();
        using var host = WorkerHost.Build([], builder =>
        {
            builder.Environment.EnvironmentName = "Testing"; // loopback targets allowed; http allowed
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
            {
                ["ConnectionStrings:Platform"] = database.AppConnectionString + ";Maximum Pool Size=150",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });

        var tenant = new TenantInfo(Guid.CreateVersion7(), "bench", "Bench", TenantStatus.Active);
        var scopes = host.Services.GetRequiredService<TenantScopeFactory>();
        await using (var scope = scopes.CreateScope(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Tenants.Add(new Tenant { Id = tenant.Id, Slug = tenant.Slug, Name = tenant.Name, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(ct);
            var endpoints = scope.ServiceProvider.GetRequiredService<WebhookEndpointService>();
            for (var i = 0; i < backlogEndpoints; i++)
            {
                await endpoints.CreateAsync(new WebhookEndpointInput($"{receiver.Url}/backlog/{i}", "backlog", [EventTypes.OrderPaid]), ct);
            }

            await endpoints.CreateAsync(new WebhookEndpointInput($"{receiver.Url}/steady", "steady", [EventTypes.OrderFulfilled]), ct);
        }

        // (a) Backlog, written before the job server starts.
        for (var written = 0; written < backlogEvents; written += 1000)
        {
            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            for (var i = written; i < Math.Min(backlogEvents, written + 1000); i++)
            {
                db.AddOutboxEvent(EventTypes.OrderPaid, new { OrderId = $"ord_{i}", AmountStars = 150 }, DateTimeOffset.UtcNow);
            }

            await db.SaveChangesAsync(ct);
        }

        var expected = (long)backlogEvents * backlogEndpoints;
        var started = Stopwatch.GetTimestamp();
        await host.StartAsync(ct);
        while (Interlocked.Read(ref receiver.Requests) < expected)
        {
            await Task.Delay(10, ct);
        }

        var backlogSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"(a) backlog: {expected} deliveries in {backlogSeconds:0.00} s = {expected / backlogSeconds:0} deliveries/s (job server start, " +
            "dispatch and sending included)");

        // (b) Steady 1,000 events/s: a batch every 20 ms, each batch in one transaction.
        var committed = new ConcurrentDictionary<string, long>();
        var steady = Stopwatch.StartNew();
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var produced = 0;
        while (steady.Elapsed < TimeSpan.FromSeconds(steadySeconds) && await ticker.WaitForNextTickAsync(ct))
        {
            var due = (int)(steady.Elapsed.TotalSeconds * SteadyRate) - produced;
            if (due <= 0)
            {
                continue;
            }

            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var batch = Enumerable.Range(0, due).Select(i => db.AddOutboxEvent(EventTypes.OrderFulfilled, new { OrderId = $"s_{produced + i}" },
                DateTimeOffset.UtcNow)).ToList();
            await db.SaveChangesAsync(ct);
            var at = Stopwatch.GetTimestamp();
            foreach (var e in batch)
            {
                committed[e.Id.ToString()] = at;
            }

            produced += due;
        }

        var produceSeconds = steady.Elapsed.TotalSeconds;
        while (committed.Keys.Any(id => !receiver.Arrivals.ContainsKey(id)) && !ct.IsCancellationRequested)
        {
            await Task.Delay(50, ct);
        }

        var lags = committed.Select(c => Math.Max(0, Stopwatch.GetElapsedTime(c.Value, receiver.Arrivals[c.Key]).TotalMilliseconds)).Order().ToArray();
        double P(double q) => lags[Math.Min(lags.Length - 1, (int)Math.Ceiling(q * lags.Length) - 1)];
        var figures = new BenchFigures(mode, expected, backlogSeconds, produced, produced / produceSeconds, P(0.50), P(0.95), P(0.99), lags[^1]);
        Console.WriteLine($"(b) steady: {produced} events in {produceSeconds:0.0} s; lag commit→receiver p50 {figures.P50:0.0} ms, " +
            $"p95 {figures.P95:0.0} ms, p99 {figures.P99:0.0} ms, max {figures.Max:0} ms");
        await host.StopAsync(CancellationToken.None);
        return figures;
    }
}
