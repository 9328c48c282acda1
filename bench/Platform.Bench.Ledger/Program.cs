using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Bench.Ledger;
using Platform.Core;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Ledger;
using Platform.Core.Tenancy;
using Platform.LocalPostgres;

// Issue 15, point 7 (balance half): 10,000 stores, ~1,000,000 ledger rows; p50/p95 of BalanceReader.ForStoreAsync for
// random stores and for the largest, then (with a Release build of the web app) GET /api/v1/balance and /stores/{slug}/balance.
var tenants = int.Parse(Arg("--tenants") ?? "10000", CultureInfo.InvariantCulture);
var samples = int.Parse(Arg("--samples") ?? "500", CultureInfo.InvariantCulture);
var root = Arg("--root") ?? Directory.GetCurrentDirectory();
var work = Path.Combine(Path.GetTempPath(), "starfront-bench-ledger-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
Console.WriteLine(
    $"# Ledger balance benchmark {DateTime.UtcNow:u}; load before: {File.ReadAllText("/proc/loadavg").Trim()}; cores {Environment.ProcessorCount}");
var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresClusterOptions
{
    DataDirectory = Path.Combine(work, "postgres"),
    StopOnDispose = true,
    Fsync = false,
    SyncAfterInitDb = false,
}, loggerFactory.CreateLogger("bench"), CancellationToken.None);
try
{
    var database = await cluster.EnsureDatabaseAsync("ledger", template: null, CancellationToken.None);
    await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, database.AppConnectionString, NullLogger.Instance, CancellationToken.None);
    var now = DateTimeOffset.UtcNow;
    var watch = Stopwatch.StartNew();
    var seeded = await LedgerSeeder.SeedAsync(cluster.SuperuserConnectionString("ledger"), tenants, now);
    Console.WriteLine($"seeded {tenants:N0} stores, {seeded:N0} ledger rows in {watch.Elapsed.TotalSeconds:0.0} s");

    var webPort = 5290;
    var settings = new Dictionary<string, string>
    {
        ["ConnectionStrings:Platform"] = database.AppConnectionString,
        ["ConnectionStrings:PlatformMigrations"] = database.OwnerConnectionString,
        ["Telegram:BaseUrl"] = "http://127.0.0.1:9",
        ["Files:Root"] = Path.Combine(work, "files"),
        ["Downloads:SigningKey"] = Convert.ToBase64String(new byte[32]),
        ["Platform:PublicBaseUrl"] = $"http://127.0.0.1:{webPort}/",
        ["RateLimits:AuthPermitLimit"] = "100000",
        ["Jobs:RunServerInWeb"] = "false",
    };
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value))).Build();
    await using var services = new ServiceCollection().AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
        .AddSingleton<IConfiguration>(configuration)
        .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Testing" })
        .AddPlatformCore(configuration)
        .AddSingleton<IPublicBaseUrl, ConfiguredPublicBaseUrl>()
        .BuildServiceProvider();
    var scopes = services.GetRequiredService<TenantScopeFactory>();
    var random = new Random(15);
    var ids = await LedgerSeeder.StoreIdsAsync(cluster.SuperuserConnectionString("ledger"), tenants);
    TenantInfo Store(int t) => new(ids[t], "bench-" + t, "Bench store " + t, TenantStatus.Active);
    async Task ReadAsync(TenantInfo tenant)
    {
        await using var scope = scopes.CreateScope(tenant);
        var balances = await scope.ServiceProvider.GetRequiredService<BalanceReader>().ForStoreAsync(CancellationToken.None);
        if (balances.Count != 1)
        {
            throw new InvalidOperationException($"Store {tenant.Slug} has {balances.Count} bots.");
        }
    }

    Console.WriteLine();
    Console.WriteLine("| BalanceReader.ForStoreAsync (in-process, scope + pooled connection included) | n | p50 ms | p95 ms | p99 ms | max ms |");
    Console.WriteLine("|---|---|---|---|---|---|");
    var rows = new List<string>
    {
        await Latencies.MeasureAsync("random store of 10,000", 50, samples, _ => ReadAsync(Store(random.Next(tenants)))),
        await Latencies.MeasureAsync($"largest store ({LedgerSeeder.Large[0]:N0} rows)", 20, samples / 2, _ => ReadAsync(Store(0))),
        await Latencies.MeasureAsync($"5th largest ({LedgerSeeder.Large[4]:N0} rows)", 20, samples / 2, _ => ReadAsync(Store(4))),
    };
    // The daily checkpoints (LedgerCheckpointJob's work, done here without Hangfire): every store over the threshold.
    watch.Restart();
    var checkpointed = 0;
    await using (var reader = services.GetRequiredService<CrossTenantReaderFactory>().CreateReader())
    {
        var minimum = services.GetRequiredService<IOptions<LedgerOptions>>().Value.CheckpointMinRows;
        foreach (var id in await reader.StarLedger.GroupBy(e => e.TenantId).Where(g => g.LongCount() >= minimum).Select(g => g.Key).ToListAsync())
        {
            await using var scope = scopes.CreateScope(new TenantInfo(id, "bench", "Bench store", TenantStatus.Active));
            await scope.ServiceProvider.GetRequiredService<LedgerCheckpoints>().RebuildAsync(CancellationToken.None);
            checkpointed++;
        }
    }

    Console.WriteLine($"checkpoints rebuilt for {checkpointed} stores in {watch.Elapsed.TotalSeconds:0.0} s");
    rows.Add(await Latencies.MeasureAsync("random store of 10,000, after checkpoints", 50, samples, _ => ReadAsync(Store(random.Next(tenants)))));
    rows.Add(await Latencies.MeasureAsync($"largest store ({LedgerSeeder.Large[0]:N0} rows), after checkpoints", 20, samples / 2, _ => ReadAsync(Store(0))));
    rows.Add(await Latencies.MeasureAsync($"5th largest ({LedgerSeeder.Large[4]:N0} rows), after checkpoints", 20, samples / 2, _ => ReadAsync(Store(4))));
    await using (var scope = scopes.CreateScope(Store(0)))
    {
        var big = (await scope.ServiceProvider.GetRequiredService<BalanceReader>().ForStoreAsync(CancellationToken.None)).Single();
        Console.WriteLine($"largest store: earned {big.Earned}, balance {big.Balance}, withdrawable {big.Withdrawable}, on hold {big.OnHold}, " +
            $"{big.Releases.Count} upcoming release instants over {big.ReleasesByDay().Count} days");
    }

    // The plans of the balance read's statements for the largest store (auto_explain: ANALYZE, BUFFERS), after the timed reads.
    Console.WriteLine("\nPlans of one ForStoreAsync for the largest store:\n\n```\n" +
        await PlanSampler.SampleAsync(cluster, "ledger", "StarLedger", () => ReadAsync(Store(0))) + "\n```");

    var dll = Path.Combine(root, "src", "Platform.Web", "bin", "Release", "net10.0", "Platform.Web.dll");
    if (!File.Exists(dll))
    {
        Console.WriteLine($"No Release build of the web app at {dll}: HTTP not measured (dotnet build -c Release src/Platform.Web).");
        return 0;
    }

    await using var web = await WebHarness.StartAsync(dll, webPort, settings);
    var (storeId, slug, ownerId, email) = await web.SignUpAsync();
    var webRows = await LedgerSeeder.SeedStoreAsync(cluster.SuperuserConnectionString("ledger"), storeId, now);
    var store = new TenantInfo(storeId, slug, "Ledger Bench", TenantStatus.Active);
    CreatedApiClient created;
    await using (var scope = scopes.CreateScope(store))
    {
        created = (await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync("Ledger bench", ownerId, CancellationToken.None)).Value!;
    }

    using var api = await web.ApiClientAsync(created.Client.ClientId, created.ClientSecret);
    using var portal = await web.PortalClientAsync(email);
    Console.WriteLine();
    Console.WriteLine($"HTTP, signed-up store {slug} with {webRows:N0} ledger rows (as large as the largest), sequential requests on loopback:");
    var targets = new[] { ("GET /api/v1/balance (bearer)", api, "api/v1/balance"), ("GET /stores/{slug}/balance (cookie)", portal, $"stores/{slug}/balance") };
    foreach (var (what, client, path, checkpoint) in targets.Select(t => (t.Item1, t.Item2, t.Item3, false))
        .Concat(targets.Select(t => (t.Item1 + ", after checkpoints", t.Item2, t.Item3, true))))
    {
        if (checkpoint)
        {
            await using var scope = scopes.CreateScope(store);
            await scope.ServiceProvider.GetRequiredService<LedgerCheckpoints>().RebuildAsync(CancellationToken.None);
        }

        var first = await client.GetAsync(path);
        var body = await first.Content.ReadAsStringAsync();
        Console.WriteLine($"{what}: {(int)first.StatusCode}, {body.Length} bytes");
        rows.Add(await Latencies.MeasureAsync($"{what} → {(int)first.StatusCode}", 20, samples / 2, async _ =>
        {
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
        }));
    }

    Console.WriteLine();
    rows.ForEach(Console.WriteLine);
    Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
    return 0;
}
finally
{
    await cluster.DisposeAsync();
    Directory.Delete(work, recursive: true);
}

static string? Arg(string name)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
