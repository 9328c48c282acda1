using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Bench.Ledger;
using Platform.Core.Data;
using Platform.LocalPostgres;
using Platform.Web.Commands.Scale;

namespace Platform.Bench.Admin;

/// <summary>
/// Issue 16, point 6: seeds its own database with <see cref="ScaleSeeder"/> (the code of <c>seed-scale</c>), starts the
/// web app in this process and times the admin dashboard per period and the stores list (first page, page 100, a slug
/// prefix, an owner's email) as a signed-in platform admin. Answers other than 200 are counted and printed.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var size = ScaleSeedOptions.Parse(args);
        var samples = int.Parse(Arg(args, "--samples") ?? "200", CultureInfo.InvariantCulture);
        var port = int.Parse(Arg(args, "--port") ?? "5291", CultureInfo.InvariantCulture);
        var root = Arg(args, "--root") ?? RepositoryRoot();
        var work = Path.Combine(Path.GetTempPath(), "starfront-bench-admin-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        Console.WriteLine($"# Admin area benchmark {DateTime.UtcNow:u}; load before: {File.ReadAllText("/proc/loadavg").Trim()}; " +
            $"cores {Environment.ProcessorCount}");
        var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresClusterOptions
        {
            DataDirectory = Path.Combine(work, "postgres"),
            StopOnDispose = true,
            Fsync = false,
            SyncAfterInitDb = false,
        }, loggerFactory.CreateLogger("bench"), CancellationToken.None);
        try
        {
            var database = await cluster.EnsureDatabaseAsync("admin", template: null, CancellationToken.None);
            await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, database.AppConnectionString, NullLogger.Instance, CancellationToken.None);
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Platform"] = database.AppConnectionString,
                ["ConnectionStrings:PlatformMigrations"] = database.OwnerConnectionString,
                ["Telegram:BaseUrl"] = "http://127.0.0.1:9",
                ["Files:Root"] = Path.Combine(work, "files"),
                ["Downloads:SigningKey"] = Convert.ToBase64String(new byte[32]),
                ["Platform:PublicBaseUrl"] = $"http://127.0.0.1:{port}/",
                ["RateLimits:AuthPermitLimit"] = "100000",
                ["Jobs:RunServerInWeb"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            var app = AdminWeb.Build(Path.Combine(root, "src", "Platform.Web"), port, settings);
            var seeded = await ActivatorUtilities.CreateInstance<ScaleSeeder>(app.Services)
                .SeedAsync(database.OwnerConnectionString, size, Console.Out, CancellationToken.None);
            await using var web = await AdminWeb.StartAsync(app, port);
            using var admin = await web.SignInAdminAsync();
            var owner = ScaleShape.OwnerEmail(size.Tenants / 2);
            var targets = new[]
            {
                "admin?period=24h", "admin?period=7d", "admin?period=30d", "admin/stores", "admin/stores?page=100",
                "admin/stores?q=scale-12", "admin/stores?q=" + Uri.EscapeDataString(owner),
            };
            Console.WriteLine();
            Console.WriteLine($"Seeded {size.Tenants:N0} stores, {size.Orders:N0} orders over {size.Days} days: {seeded.Rows:N0} rows in " +
                $"{seeded.Elapsed.TotalSeconds:0.0} s. Sequential GETs on loopback as a signed-in platform admin (in-process Kestrel, Testing):");
            Console.WriteLine();
            Console.WriteLine("| GET | n | p50 ms | p95 ms | p99 ms | max ms |");
            Console.WriteLine("|---|---|---|---|---|---|");
            var problems = new List<string>();
            // As in production, where a worker runs the minute rollup job (and stores the dashboard's period sums) beside
            // the web: one pass before measuring, then one a minute while the requests run.
            using var stopRollups = new CancellationTokenSource();
            var passes = 0;
            async Task RollupAsync()
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Platform.Core.Administration.DailyStoreFiguresJob>().RebuildRecentAsync(CancellationToken.None);
                passes++;
            }

            await RollupAsync();
            var rollups = Task.Run(async () =>
            {
                while (!stopRollups.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), stopRollups.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    if (!stopRollups.IsCancellationRequested)
                    {
                        await RollupAsync();
                    }
                }
            });
            foreach (var path in targets)
            {
                var errors = new Dictionary<int, int>();
                await Latencies.MeasureAsync("/" + path, 5, samples, async _ =>
                {
                    using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != System.Net.HttpStatusCode.OK)
                    {
                        errors[(int)response.StatusCode] = errors.GetValueOrDefault((int)response.StatusCode) + 1;
                    }
                });
                problems.AddRange(errors.Select(e => $"/{path}: {e.Value} × {e.Key}"));
            }

            await stopRollups.CancelAsync();
            await rollups;
            Console.WriteLine();
            Console.WriteLine($"Rollup job passes (every minute, as a worker runs it): {passes}");
            Console.WriteLine(problems.Count == 0
                ? "Every answer was 200."
                : "Errors (answers other than 200, warm-up included):\n  " + string.Join("\n  ", problems));
            Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
            return problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            await cluster.DisposeAsync();
            Directory.Delete(work, recursive: true);
        }
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
