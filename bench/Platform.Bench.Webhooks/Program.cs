using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Bench.Webhooks;
using Platform.Core.Data;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;
using Platform.LocalPostgres;
using Platform.Worker;

// Webhook delivery benchmark (issue 5, point 9). Run: dotnet run -c Release --project bench/Platform.Bench.Webhooks
// (a) backlog: events written first, then the job server starts; deliveries/s to a few loopback endpoints.
// (b) steady: 1,000 events/s for 20 s while the job server runs; lag from commit to first arrival at the receiver.
var backlogEvents = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var backlogEndpoints = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
var steadySeconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
const int SteadyRate = 1_000;
using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(2));
var ct = budget.Token;

var folder = Path.Combine(Path.GetTempPath(), "starfront-bench-" + Guid.NewGuid().ToString("N")[..8]);
await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresClusterOptions
{
    DataDirectory = folder,
    StopOnDispose = true,
    Fsync = true,
    ServerSettings = { ["max_connections"] = "200" },
}, NullLogger.Instance, ct);
try
{
    var database = await cluster.EnsureDatabaseAsync("bench", null, ct);
    await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, database.AppConnectionString, NullLogger.Instance, ct);
    await using var receiver = await BenchReceiver.StartAsync();
    using var host = WorkerHost.Build([], builder =>
    {
        builder.Environment.EnvironmentName = "Testing"; // loopback targets allowed; http allowed
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
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
    var write = Stopwatch.StartNew();
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

    Console.WriteLine($"Wrote {backlogEvents} backlog events in {write.Elapsed.TotalSeconds:0.0} s; {backlogEndpoints} endpoints " +
        $"→ {backlogEvents * backlogEndpoints} deliveries");
    var expected = (long)backlogEvents * backlogEndpoints;
    var started = Stopwatch.GetTimestamp();
    await host.StartAsync(ct);
    var lastReport = Stopwatch.GetTimestamp();
    while (Interlocked.Read(ref receiver.Requests) < expected)
    {
        await Task.Delay(20, ct);
        if (Stopwatch.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(5))
        {
            lastReport = Stopwatch.GetTimestamp();
            Console.WriteLine($"  … {Interlocked.Read(ref receiver.Requests)} delivered after {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
        }
    }

    var backlogSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    Console.WriteLine($"(a) backlog: {expected} deliveries in {backlogSeconds:0.00} s = {expected / backlogSeconds:0} deliveries/s (job server start, " +
        $"dispatch and sending included)");

    // (b) Steady 1,000 events/s: 20 events every 20 ms, each batch in one transaction.
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
    Console.WriteLine($"(b) steady: {produced} events in {produceSeconds:0.0} s = {produced / produceSeconds:0} events/s; lag commit→receiver " +
        $"p50 {P(0.50):0} ms, p95 {P(0.95):0} ms, p99 {P(0.99):0} ms, max {lags[^1]:0} ms");
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
    await host.StopAsync(CancellationToken.None);
}
finally
{
    await cluster.StopAsync(CancellationToken.None);
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
        // a relocated cluster (running as root) lives elsewhere; nothing to do here
    }
}
