extern alias Sandbox;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Bench;
using Platform.Core;
using Platform.Core.Data;
using Platform.LocalPostgres;
using Sandbox::Platform.TelegramSandbox;

// Issue 4 benchmark driver. Everything on loopback; the figures are printed as Markdown.
var root = Directory.GetCurrentDirectory();
// Usage: [seconds] [--only ab|c] [--connections N]  (ab = ingestion, pre-checkout and pgbench; c = the checkout rush;
// N = wrk's and pgbench's concurrent connections, default 64). Environment knobs for experiments: BENCH_CONN_EXTRA is appended
// to the web's connection string (e.g. ";Max Auto Prepare=0"), BENCH_WARMUP_ROUNDS and BENCH_WARMUP_BUYERS set (c)'s warm-up
// (4 rushes of 100), BENCH_PG_STATEMENTS=1 reports pg_stat_statements over the burst, BENCH_WEB_<NAME> reaches the web alone.
var seconds = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? s : 20;
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
var runIngestion = only is null or "ab";
var runRush = only is null or "c";
var connections = int.Parse(args.SkipWhile(a => a != "--connections").Skip(1).FirstOrDefault() ?? "64", CultureInfo.InvariantCulture);
var work = Path.Combine(Path.GetTempPath(), "starfront-bench-" + Guid.NewGuid().ToString("N")[..8]);
var filesRoot = Path.Combine(work, "files");
Directory.CreateDirectory(filesRoot);
Console.WriteLine($"# Issue 4 benchmark run {DateTime.UtcNow:u}\n\nMachine: {Environment.ProcessorCount} cores; load average " +
    $"before: {Figures.LoadAverage()}\n");

var clusterOptions = new LocalPostgresClusterOptions
{
    DataDirectory = Path.Combine(work, "pg"), StopOnDispose = true, SyncAfterInitDb = false, ServerSettings = { ["max_connections"] = "300" },
};
if (StatementStats.Enabled)
{
    clusterOptions.ServerSettings["shared_preload_libraries"] = "pg_stat_statements";
    clusterOptions.ServerSettings["pg_stat_statements.track_planning"] = "on";
}
var cluster = await LocalPostgresCluster.StartAsync(clusterOptions, NullLogger.Instance, CancellationToken.None);
var database = await cluster.EnsureDatabaseAsync("starfront_bench", null, CancellationToken.None);
await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, database.AppConnectionString, NullLogger.Instance, CancellationToken.None);
var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions());
var telegramBase = sandbox.BaseUrl.ToString().TrimEnd('/');
using var control = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

var webPort = 5190;
var settings = new Dictionary<string, string>
{
    ["ConnectionStrings:Platform"] = database.AppConnectionString + Environment.GetEnvironmentVariable("BENCH_CONN_EXTRA"),
    ["ConnectionStrings:PlatformMigrations"] = database.OwnerConnectionString,
    ["Telegram:BaseUrl"] = telegramBase,
    ["Files:Root"] = filesRoot,
    ["Downloads:SigningKey"] = "c3RhcmZyb250LWJlbmNoLXNpZ25pbmcta2V5LTMyLWJ5dGVzISE=",
    ["Platform:PublicBaseUrl"] = $"http://127.0.0.1:{webPort}/",
    ["RateLimits:AuthPermitLimit"] = "100000",
};
var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value))).Build();
var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config).AddPlatformCore(config)
    .AddSingleton<IPublicBaseUrl, ConfiguredPublicBaseUrl>().BuildServiceProvider();

// (a) + (b): ingestion alone (no job server), pre-checkout answered on the ingress fast path meanwhile.
Shop? shop = null;
if (runIngestion)
{
    await using (var web = await WebProcess.StartAsync(root, webPort, new Dictionary<string, string>(settings) { ["Jobs:RunServerInWeb"] = "false" }))
    {
        shop = await Shop.CreateAsync(services, control, web.BaseUrl, filesRoot, 11);
        var prober = shop.Bots[1];
        var invoices = new List<(long User, int Message, Guid Order)>();
        for (var i = 0; i < 170; i++) invoices.Add(await shop.PrepareInvoiceAsync(prober, shop.TextProduct, telegramBase));
        // The first 20 payments warm the pre-checkout path up (JIT), unmeasured, like the wrk warm-up below.
        foreach (var invoice in invoices.Take(20))
        {
            await control.PostAsJsonAsync($"sandbox/v1/users/{invoice.User}/payments", new { bot_id = prober.TelegramId, message_id = invoice.Message });
        }

        invoices = invoices.Skip(20).ToList();

        var secret = await shop.SecretAsync(shop.Bots[0].Id);
        // Unmeasured warm-up: a freshly started server spends its first seconds JIT-compiling; servers in production
        // are long-running, so (a) measures the steady state.
        using (var warmup = Process.Start(new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", "-d5s", "-s", Path.Combine(root, "bench", "ingest.lua"),
            new Uri(web.BaseUrl, $"telegram/{shop.Bots[0].Id}").ToString()])
        {
            RedirectStandardOutput = true, UseShellExecute = false, Environment = { ["BOT_SECRET"] = secret },
        })!)
        {
            await warmup.StandardOutput.ReadToEndAsync();
            await warmup.WaitForExitAsync();
        }

        var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s",
            Path.Combine(root, "bench", "ingest.lua"), new Uri(web.BaseUrl, $"telegram/{shop.Bots[0].Id}").ToString()])
        {
            RedirectStandardOutput = true, UseShellExecute = false, Environment = { ["BOT_SECRET"] = secret },
        })!;
        await Task.Delay(2000); // let the load settle before probing
        var preCheckout = new List<double>();
        var statuses = new Dictionary<string, int>();
        var deadline = DateTime.UtcNow.AddSeconds(seconds - 4);
        await Parallel.ForEachAsync(invoices, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (invoice, ct) =>
        {
            if (DateTime.UtcNow > deadline) return;
            var watch = Stopwatch.StartNew();
            var paid = await (await control.PostAsJsonAsync($"sandbox/v1/users/{invoice.User}/payments",
                new { bot_id = prober.TelegramId, message_id = invoice.Message }, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
            lock (preCheckout)
            {
                preCheckout.Add(watch.Elapsed.TotalMilliseconds);
                var status = paid.GetProperty("status").GetString()!;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }
        });
        var wrkOutput = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var rps = Regex.Match(wrkOutput, @"Requests/sec:\s+([\d.]+)").Groups[1].Value;
        var p99 = Regex.Match(wrkOutput, @"99%\s+([\d.]+\w+)").Groups[1].Value;
        var non2xx = Regex.Match(wrkOutput, @"Non-2xx or 3xx responses: (\d+)").Groups[1].Value;
        // Superuser: the tables force row-level security even for their owner.
        await using var count = new NpgsqlConnection(cluster.SuperuserConnectionString("starfront_bench"));
        await count.OpenAsync();
        var stored = (long)(await new NpgsqlCommand("SELECT count(*) FROM \"InboxUpdates\"", count).ExecuteScalarAsync())!;
        Console.WriteLine($"## (a) Ingestion: wrk -t2 -c{connections} -d{seconds}s, POST /telegram/{{botId}}\n\n- {rps} updates/s acknowledged, latency " +
            $"p99 {p99}, non-2xx: {(non2xx.Length == 0 ? "0" : non2xx)}; rows in InboxUpdates after the run: {stored}\n\n```\n{wrkOutput.Trim()}\n```\n");
        Console.WriteLine($"## (b) Pre-checkout during that load (sandbox pay call → pre_checkout webhook → ingress fast path → answerPreCheckoutQuery → " +
            $"paid)\n\n- {Figures.Describe(preCheckout)}; " +
            $"slowest: {string.Join(", ", preCheckout.OrderDescending().Take(5).Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} ms; " +
            $"outcomes: {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"))}\n");
    }

    // pgbench on the same PostgreSQL: one single-row INSERT … ON CONFLICT per transaction, same concurrency.
    var builder = new NpgsqlConnectionStringBuilder(cluster.SuperuserConnectionString("starfront_bench"));
    await using (var setup = new NpgsqlConnection(builder.ConnectionString))
    {
        await setup.OpenAsync();
        await new NpgsqlCommand("""CREATE TABLE bench_inbox (LIKE "InboxUpdates" INCLUDING ALL)""", setup).ExecuteNonQueryAsync();
    }

    var pgbench = Process.Start(new ProcessStartInfo("pgbench", ["-n", "-c", connections.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T",
        $"{Math.Max(10, seconds / 2)}", "-M", "prepared", "-f", Path.Combine(root, "bench", "pgbench-insert.sql"),
        "-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, builder.Database!])
    {
        RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, Environment = { ["PGPASSWORD"] = builder.Password ?? "" },
    })!;
    var pgOutput = await pgbench.StandardOutput.ReadToEndAsync();
    var pgError = await pgbench.StandardError.ReadToEndAsync();
    await pgbench.WaitForExitAsync();
    var tps = Regex.Match(pgOutput, @"tps = ([\d.]+)").Groups[1].Value;
    Console.WriteLine($"## pgbench single-row inserts, same PostgreSQL, -c {connections} -j 2\n\n- {tps} inserts/s (one commit " +
        $"each)\n\n```\n{(pgOutput + pgError).Trim()}\n```\n");
}

// (c) 100 buyers over 10 bots, the web's in-process job server on: payment done → document in the chat.
// The synthetic /help flood of (a) is marked processed first, so (c) measures a purchase rush, not a backlog…
await using (var clear = new NpgsqlConnection(cluster.SuperuserConnectionString("starfront_bench")))
{
    await clear.OpenAsync();
    await new NpgsqlCommand("UPDATE \"InboxUpdates\" SET \"ProcessedAt\" = now() WHERE \"ProcessedAt\" IS NULL", clear).ExecuteNonQueryAsync();
    // …and the processor jobs (a) queued while no job server ran: they would only find nothing to do.
    await new NpgsqlCommand("DELETE FROM hangfire.jobqueue", clear).ExecuteNonQueryAsync();
    // That one UPDATE rewrote every row (a few hundred thousand): vacuum now, as autovacuum would soon after, rather than
    // during (c), where the dead tuples would make the processor's scans of the unprocessed index crawl.
    await new NpgsqlCommand("VACUUM ANALYZE \"InboxUpdates\"", clear) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
    // And write out what (a), that UPDATE and the vacuum dirtied: otherwise the checkpoint falls inside (c), its CPU is
    // counted there, and the first write to every page after it logs the whole page.
    await new NpgsqlCommand("CHECKPOINT", clear) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
}

if (runRush)
{
    await using var web = await WebProcess.StartAsync(root, webPort, new Dictionary<string, string>(settings) { ["Jobs:RunServerInWeb"] = "true" });
    shop ??= await Shop.CreateAsync(services, control, web.BaseUrl, filesRoot, 11);
    Console.WriteLine(await CheckoutRush.RunAsync(shop, control, telegramBase, cluster.SuperuserConnectionString("starfront_bench"), 100, 10,
        new CpuMeter(web.Pid, cluster.DataDirectory)));
}

Console.WriteLine($"Load average after: {Figures.LoadAverage()}");
await sandbox.DisposeAsync();
await cluster.DisposeAsync();
try { Directory.Delete(work, recursive: true); } catch (IOException) { }
