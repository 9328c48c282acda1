using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Bench.Subscriptions;
using Platform.Core;
using Platform.Core.Data;
using Platform.Core.Subscriptions;
using Platform.LocalPostgres;

// Issue 14, point 6: the subscription sweep (fan-out query + every tenant's job, in-process) over sizes given as
// total/due[/tenants] (tenants default to total/10). Each size gets a fresh database on one private cluster.
var sizes = (Arg("--sizes") ?? "100000/1000,200000/1000,100000/2000").Split(',').Select(ParseSize).ToList();
var workers = int.Parse(Arg("--workers") ?? "8", CultureInfo.InvariantCulture);
var repeat = int.Parse(Arg("--repeat") ?? "3", CultureInfo.InvariantCulture);
var work = Path.Combine(Path.GetTempPath(), "starfront-bench-subscriptions-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
Console.WriteLine($"work dir {work}; load before: {loadBefore}; {workers} tenant jobs at a time");
var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresClusterOptions
{
    DataDirectory = Path.Combine(work, "postgres"),
    StopOnDispose = true,
    Fsync = false,
    SyncAfterInitDb = false,
}, loggerFactory.CreateLogger("bench"), CancellationToken.None);
var rows = new List<string>();
var plans = new List<string>();
try
{
    for (var n = 0; n < sizes.Count; n++)
    {
        var (total, due, tenants) = sizes[n];
        var name = $"sweep{n}";
        var database = await cluster.EnsureDatabaseAsync(name, template: null, CancellationToken.None);
        await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, database.AppConnectionString, NullLogger.Instance, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var seedWatch = Stopwatch.StartNew();
        await Seeder.SeedAsync(cluster.SuperuserConnectionString(name), tenants, total, due, now);
        var seedSeconds = seedWatch.Elapsed.TotalSeconds;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Platform"] = database.AppConnectionString,
            ["ConnectionStrings:PlatformMigrations"] = database.OwnerConnectionString,
            ["Files:Root"] = Path.Combine(work, "files"),
            ["Downloads:SigningKey"] = Convert.ToBase64String(new byte[32]),
        }).Build();
        var tally = new SweepTally();
        var services = new ServiceCollection().AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(
                new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Testing" })
            .AddPlatformCore(configuration)
            .AddSingleton(tally)
            .AddScoped<ISubscriptionSweepActions, BenchSweepActions>()
            .BuildServiceProvider();
        await using var _ = services;
        var sweep = ActivatorUtilities.CreateInstance<SubscriptionSweep>(services, new NoJobs());

        // Warm-up (JIT, pools): the fan-out read, a tenant that does not exist and one with nothing due; no due row is touched.
        var warm = await sweep.DueTenantsAsync(CancellationToken.None);
        await sweep.SweepTenantAsync(Guid.NewGuid(), CancellationToken.None);
        await sweep.SweepTenantAsync(await IdleTenantAsync(services, warm), CancellationToken.None);

        // The plans of one tenant job's statements (auto_explain, a few due tenants, before the timed runs), and the fan-out's.
        var tenantPlans = await PlanSampler.SampleAsync(cluster, name, "Subscriptions", async () =>
        {
            foreach (var tenantId in warm.Take(4))
            {
                await sweep.SweepTenantAsync(tenantId, CancellationToken.None);
            }
        });
        plans.Add($"#### {total:N0} memberships, {due:N0} due, {tenants:N0} tenants\n\nFan-out:\n\n```\n{await ExplainAsync(services, now)}\n```\n\n"
            + $"One tenant job's statements (auto_explain):\n\n```\n{tenantPlans}\n```");
        var runs = new List<(double Total, double FanOut, int Jobs, SweepCounts Counts)>();
        for (var run = 0; run < repeat; run++)
        {
            // Every run starts from the seeded state: the due rows are due again (and only they).
            await Seeder.ResetDueAsync(cluster.SuperuserConnectionString(name), now);
            var before = tally.Reminders;
            var watch = Stopwatch.StartNew();
            var dueTenants = await sweep.DueTenantsAsync(CancellationToken.None);
            var fanOut = watch.Elapsed.TotalSeconds;
            var counts = SweepCounts.None;
            var gate = new Lock();
            await Parallel.ForEachAsync(dueTenants, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (tenantId, ct) =>
            {
                var tenantCounts = await sweep.SweepTenantAsync(tenantId, ct);
                lock (gate)
                {
                    counts += tenantCounts;
                }
            });
            runs.Add((watch.Elapsed.TotalSeconds, fanOut, dueTenants.Count, counts));
            var again = await sweep.DueTenantsAsync(CancellationToken.None);
            if (counts.Reminded + counts.Expired != due || tally.Reminders - before != counts.Reminded || again.Count != 0)
            {
                throw new InvalidOperationException($"Expected {due} due rows handled once and none left; got {counts} and {again.Count} tenants still due.");
            }
        }

        var median = runs.OrderBy(r => r.Total).ElementAt(runs.Count / 2);
        rows.Add($"| {total:N0} | {tenants:N0} | {due:N0} | {seedSeconds:0.0} | {median.Jobs:N0} | {median.FanOut * 1000:0} " +
            $"| **{median.Total:0.00}** ({string.Join(" ", runs.Select(r => r.Total.ToString("0.00", CultureInfo.InvariantCulture)))}) " +
            $"| {(median.Total - median.FanOut) * 1000 / Math.Max(1, median.Jobs):0.0} | {median.Counts.Reminded:N0} / {median.Counts.Expired:N0} |");
        Console.WriteLine(rows[^1]);
    }

    Console.WriteLine();
    Console.WriteLine($"| memberships | tenants | due | seed (s) | tenant jobs | fan-out query (ms) | sweep total (s), median of {repeat} (all runs) "
        + "| ms per tenant job | reminded / expired |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
    rows.ForEach(Console.WriteLine);
    Console.WriteLine();
    plans.ForEach(Console.WriteLine);
    Console.WriteLine($"load before: {loadBefore}; after: {File.ReadAllText("/proc/loadavg").Trim()}; cores: {Environment.ProcessorCount}");
    return 0;
}
finally
{
    await cluster.DisposeAsync();
    Directory.Delete(work, recursive: true);
}

static (int Total, int Due, int Tenants) ParseSize(string text)
{
    var parts = text.Split('/').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
    return (parts[0], parts[1], parts.Length > 2 ? parts[2] : Math.Max(1, parts[0] / 10));
}

static string? Arg(string name)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static async Task<Guid> IdleTenantAsync(IServiceProvider services, IReadOnlyList<Guid> due)
{
    await using var reader = services.GetRequiredService<CrossTenantReaderFactory>().CreateReader();
    return await reader.Tenants.Where(t => !due.Contains(t.Id)).OrderBy(t => t.Slug).Select(t => t.Id).FirstAsync();
}

// EXPLAIN (ANALYZE, BUFFERS) of the fan-out query exactly as EF Core sends it, on a cross-tenant reader (its RLS policy applies).
static async Task<string> ExplainAsync(IServiceProvider services, DateTimeOffset now)
{
    await using var reader = services.GetRequiredService<CrossTenantReaderFactory>().CreateReader();
    var query = SubscriptionSweep.DueTenantsQuery(reader, now);
    await using var command = query.CreateDbCommand();
    command.CommandText = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + command.CommandText;
    await reader.Database.OpenConnectionAsync();
    command.Connection = reader.Database.GetDbConnection();
    var lines = new List<string>();
    await using var result = await command.ExecuteReaderAsync();
    while (await result.ReadAsync())
    {
        lines.Add(result.GetString(0));
    }

    return string.Join('\n', lines);
}
