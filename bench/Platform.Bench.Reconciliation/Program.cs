extern alias Sandbox;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Bench.Reconciliation;
using Platform.Core;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Ledger;
using Platform.LocalPostgres;
using Sandbox::Platform.TelegramSandbox;
using Sandbox::Platform.TelegramSandbox.Control.Client;

// Issue 15, point 7: a reconciliation pass over N bots' new transactions (default 1,000 bots, 20 each) against the
// in-process sandbox (Telegram's flood limits on), then the next hour's pass (5 new each and the pending withdrawal
// read again). Each pass: the sweep's fan-out query, then every bot's job (ReconciliationSweep.ReconcileAsync: tenant
// scope, claim, pages, checks, balance), `workers` at a time as Hangfire workers would run them.
var botCount = int.Parse(Arg("--bots") ?? "1000", CultureInfo.InvariantCulture);
var payments = int.Parse(Arg("--payments") ?? "15", CultureInfo.InvariantCulture);
var workers = int.Parse(Arg("--workers") ?? "8", CultureInfo.InvariantCulture);
var work = Path.Combine(Path.GetTempPath(), "starfront-bench-reconciliation-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
Console.WriteLine($"work dir {work}; load before: {loadBefore}; {botCount} bots, {workers} bot jobs at a time");
var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresClusterOptions
{
    DataDirectory = Path.Combine(work, "postgres"),
    StopOnDispose = true,
    Fsync = false,
    SyncAfterInitDb = false,
}, loggerFactory.CreateLogger("bench"), CancellationToken.None);
await using var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions(), CancellationToken.None);
try
{
    var database = await cluster.EnsureDatabaseAsync("recon", template: null, CancellationToken.None);
    await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, database.AppConnectionString, NullLogger.Instance, CancellationToken.None);
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Platform"] = database.AppConnectionString,
        ["ConnectionStrings:PlatformMigrations"] = database.OwnerConnectionString,
        ["Files:Root"] = Path.Combine(work, "files"),
        ["Downloads:SigningKey"] = Convert.ToBase64String(new byte[32]),
        ["Telegram:BaseUrl"] = sandbox.BaseUrl.ToString().TrimEnd('/'),
    }).Build();
    // A console benchmark's own container (no ASP.NET host is built, so there is no second copy of anything).
#pragma warning disable ASP0000
    var services = new ServiceCollection().AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
        .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Testing" })
        .AddPlatformCore(configuration)
        .AddSingleton<Hangfire.IBackgroundJobClient, NoJobs>() // the withdrawable check after a pass queues owner messages: counted only
        .BuildServiceProvider();
#pragma warning restore ASP0000
    await using var _ = services;
    using var http = new HttpClient { BaseAddress = sandbox.BaseUrl };
    var telegram = new SandboxControlClient(http);

    // One store per bot (plus one to warm up on), registered in the sandbox's BotFather and stored as registration stores it.
    var seedWatch = Stopwatch.StartNew();
    var secrets = services.GetRequiredService<BotSecrets>();
    var bots = new List<BenchBot>();
    for (var i = 0; i <= botCount; i++)
    {
        var created = await telegram.CreateBotAsync($"bench{i}_bot");
        bots.Add(new BenchBot
        {
            TenantId = Guid.CreateVersion7(),
            BotId = Guid.CreateVersion7(),
            TelegramBotId = created.Id,
            Username = created.Username,
            TokenCiphertext = secrets.Protect(created.Token),
        });
    }

    var seeder = new Seeder(cluster.SuperuserConnectionString("recon"), telegram, payments);
    await seeder.SeedStoresAsync(bots, DateTimeOffset.UtcNow);
    await seeder.FirstHourAsync(bots, DateTimeOffset.UtcNow);
    Console.WriteLine($"seeded {bots.Count} stores and {bots.Count * seeder.FirstHour:N0} Telegram transactions in {seedWatch.Elapsed.TotalSeconds:0.0} s");

    var jobs = new NoJobs();
    var sweep = ActivatorUtilities.CreateInstance<ReconciliationSweep>(services, jobs);
    var warm = bots[0];
    var measured = bots.Skip(1).ToList();
    await sweep.ReconcileAsync(warm.TenantId, warm.BotId, CancellationToken.None);

    var rows = new List<string>();
    rows.Add(await PassAsync("first hour", seeder.FirstHour, writtenPerBot: 5));
    await seeder.SecondHourAsync(bots, DateTimeOffset.UtcNow);
    await sweep.ReconcileAsync(warm.TenantId, warm.BotId, CancellationToken.None);
    rows.Add(await PassAsync("second hour", Seeder.SecondHour + 1, writtenPerBot: 1));
    var open = await services.GetRequiredService<LedgerMismatchReader>().CountOpenAcrossStoresAsync(CancellationToken.None);
    if (open != 0)
    {
        throw new InvalidOperationException($"{open} mismatches are open; the seeded sides agree, so there should be none.");
    }

    Console.WriteLine();
    Console.WriteLine("| pass | bots | Telegram transactions read | ledger rows written | fan-out query (ms) | total (s) "
        + "| ms per bot job (total × workers / bots) | mismatches |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    rows.ForEach(Console.WriteLine);
    Console.WriteLine($"load before: {loadBefore}; after: {File.ReadAllText("/proc/loadavg").Trim()}; cores: {Environment.ProcessorCount}");
    return 0;

    async Task<string> PassAsync(string name, int readPerBot, int writtenPerBot)
    {
        var watch = Stopwatch.StartNew();
        var enqueued = await sweep.FanOutAsync(CancellationToken.None);
        var fanOut = watch.Elapsed.TotalMilliseconds;
        var results = new ConcurrentBag<ReconciliationResult>();
        await Parallel.ForEachAsync(measured, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (bot, ct) =>
            results.Add(await sweep.ReconcileAsync(bot.TenantId, bot.BotId, ct)));
        var total = watch.Elapsed.TotalSeconds;
        var read = results.Sum(r => r.Transactions);
        var written = results.Sum(r => r.LedgerRows);
        var flagged = results.Sum(r => r.Flagged);
        if (enqueued != bots.Count || results.Any(r => r.Status != ReconciliationStatus.Done) || read != readPerBot * measured.Count
            || written != writtenPerBot * measured.Count || flagged != 0)
        {
            throw new InvalidOperationException($"{name}: expected {readPerBot} read and {writtenPerBot} written per bot, no mismatch; got {read} read, "
                + $"{written} written, {flagged} flagged, statuses {string.Join(",", results.Select(r => r.Status).Distinct())}, {enqueued} enqueued.");
        }

        var perJob = total * 1000 * workers / measured.Count;
        var row = $"| {name} | {measured.Count:N0} | {read:N0} | {written:N0} | {fanOut:0} | **{total:0.00}** | {perJob:0.0} | {flagged} |";
        Console.WriteLine(row);
        return row;
    }
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
