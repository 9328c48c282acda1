using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Bench.Webhooks;
using Platform.LocalPostgres;

// Webhook delivery benchmark (issue 5 point 9, issue 17 point 6). Run: dotnet run -c Release --project bench/Platform.Bench.Webhooks
//   [backlogEvents=10000] [backlogEndpoints=2] [steadySeconds=20] [Webhooks:Setting=value …]
// Two modes in one run, each on a fresh database of one local cluster: "poll" (Webhooks:WakeOnNotify=false, the issue 5
// path: 100 ms pump, Hangfire senders) and "notify" (the default: LISTEN/NOTIFY wake-ups, in-process senders).
// (a) backlog: events written first, then the job server starts; deliveries/s to a few loopback endpoints.
// (b) steady: 1,000 events/s while the job server runs; lag from commit to first arrival at the receiver.
// Webhooks:* arguments apply to both modes (to measure sender settings such as BatchSize or ConcurrencyPerEndpoint).
var positional = args.Where(a => !a.Contains('=', StringComparison.Ordinal)).ToArray();
var overrides = args.Where(a => a.Contains('=', StringComparison.Ordinal)).Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => (string?)a[1]);
var backlogEvents = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 10_000;
var backlogEndpoints = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 2;
var steadySeconds = positional.Length > 2 ? int.Parse(positional[2], CultureInfo.InvariantCulture) : 20;
using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(4));
var ct = budget.Token;

var before = File.ReadAllText("/proc/loadavg").Trim();
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
    var run = new BenchRun(cluster, backlogEvents, backlogEndpoints, steadySeconds);
    var figures = new List<BenchFigures>();
    foreach (var (mode, wake) in new[] { ("poll (WakeOnNotify=false)", "false"), ("notify (WakeOnNotify=true)", "true") })
    {
        figures.Add(await run.RunAsync(mode, new Dictionary<string, string?>(overrides) { ["Webhooks:WakeOnNotify"] = wake }, ct));
    }

    Console.WriteLine();
    Console.WriteLine("| Mode | (a) backlog | (b) steady lag commit → receiver |");
    Console.WriteLine("|---|---|---|");
    figures.ForEach(Console.WriteLine);
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average before {before}, after {File.ReadAllText("/proc/loadavg").Trim()}");
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
