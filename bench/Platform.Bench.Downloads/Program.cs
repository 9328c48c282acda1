using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Bench.Downloads;
using Platform.Core.Data;
using Platform.LocalPostgres;

// Issue 4, point 8(d): one 200 MB file through /d/ (the real web app, Release, own PostgreSQL) and through nginx with
// sendfile, measured in the same run over loopback; then RSS growth of the web process under 50 concurrent downloads.
var sizeMb = IntArg("--size-mb", 200);
var runs = IntArg("--runs", 5);
var concurrency = IntArg("--concurrency", 50);
var expectedBytes = (long)sizeMb * 1024 * 1024;
var repo = FindRepo();
var webDll = Path.Combine(repo, "src", "Platform.Web", "bin", "Release", "net10.0", "Platform.Web.dll");
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"Build the web app first: dotnet build -c Release src/Platform.Web ({webDll} missing).");
    return 1;
}

var work = Path.Combine(Path.GetTempPath(), "starfront-bench-downloads-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
var logger = loggerFactory.CreateLogger("bench");
var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
Console.WriteLine($"work dir {work}; load before: {loadBefore}");

var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresClusterOptions
{
    DataDirectory = Path.Combine(work, "postgres"),
    StopOnDispose = true,
    Fsync = false,
    SyncAfterInitDb = false,
}, logger, CancellationToken.None);
try
{
    var database = await cluster.EnsureDatabaseAsync("bench", template: null, CancellationToken.None);
    await DatabaseMigrator.MigrateAsync(database.OwnerConnectionString, database.AppConnectionString, NullLogger.Instance, CancellationToken.None);

    var source = Path.Combine(work, "source.bin");
    await using (var output = File.Create(source))
    {
        var block = new byte[1024 * 1024];
        for (var i = 0; i < sizeMb; i++)
        {
            RandomNumberGenerator.Fill(block);
            await output.WriteAsync(block);
        }
    }

    var settings = new Dictionary<string, string?>
    {
        ["ConnectionStrings:Platform"] = database.AppConnectionString,
        ["ConnectionStrings:PlatformMigrations"] = database.OwnerConnectionString,
        ["Files:Root"] = Path.Combine(work, "files"),
        ["Downloads:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["RateLimits:DownloadPermitLimit"] = "1000000",
        ["Downloads:AccelRedirectPrefix"] = "/_files/",
    };
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    var (tokens, storedPath) = await Seeder.SeedAsync(configuration, source, runs * 3 + concurrency + 5);
    File.Delete(source);
    var nextToken = 0;

    var webPort = FreePort();
    var web = Process.Start(WebStart(webDll, webPort, settings))!;
    var nginxPort = FreePort();
    var frontPort = FreePort();
    var nginx = StartNginx(work, Path.GetDirectoryName(storedPath)!, nginxPort, frontPort, webPort, settings["Files:Root"]!);
    try
    {
        await WaitForPortAsync(webPort);
        await WaitForPortAsync(nginxPort);
        await WaitForPortAsync(frontPort);
        var nginxUrl = $"http://127.0.0.1:{nginxPort}/{Path.GetFileName(storedPath)}";
        string WebUrl() => $"http://127.0.0.1:{webPort}/d/{tokens[nextToken++]}";
        string FrontUrl() => $"http://127.0.0.1:{frontPort}/d/{tokens[nextToken++]}";

        // Warm-up (JIT, connection pool, page cache) for both, not measured.
        await CurlAsync(WebUrl());
        await CurlAsync(nginxUrl);
        await CurlAsync(FrontUrl());

        var webSpeeds = new List<double>();
        var nginxSpeeds = new List<double>();
        var frontSpeeds = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            webSpeeds.Add(await CurlAsync(WebUrl()));
            nginxSpeeds.Add(await CurlAsync(nginxUrl));
            frontSpeeds.Add(await CurlAsync(FrontUrl()));
        }

        var baseline = Rss(web.Id);
        var peak = baseline;
        var urls = Enumerable.Range(0, concurrency).Select(_ => WebUrl()).ToList();
        var watch = Stopwatch.StartNew();
        var all = Task.WhenAll(urls.Select(CurlAsync));
        while (!all.IsCompleted)
        {
            peak = Math.Max(peak, Rss(web.Id));
            await Task.Delay(50);
        }

        await all;
        var webConcurrentSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => CurlAsync(nginxUrl)));
        var nginxConcurrentSeconds = watch.Elapsed.TotalSeconds;

        double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var webMedian = Median(webSpeeds);
        var nginxMedian = Median(nginxSpeeds);
        var totalMb = (double)sizeMb * concurrency;
        Console.WriteLine();
        Console.WriteLine($"| Measure | /d/ (Kestrel) | nginx sendfile | ratio |");
        Console.WriteLine($"|---|---|---|---|");
        Console.WriteLine($"| one stream, median of {runs} (MB/s) | {Mb(webMedian)} | {Mb(nginxMedian)} | {webMedian / nginxMedian:0.00}× |");
        // Runs alternate web/nginx, so each pair shares the machine's load of that moment: the pairwise ratio is steadier.
        var pairRatios = webSpeeds.Zip(nginxSpeeds, (w, n) => w / n).ToList();
        Console.WriteLine($"| one stream, median of pairwise ratios | | | {Median(pairRatios):0.00}× " +
            $"({string.Join(" ", pairRatios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}) |");
        var frontRatios = frontSpeeds.Zip(nginxSpeeds, (f, n) => f / n).ToList();
        Console.WriteLine($"| one stream, /d/ behind nginx with X-Accel-Redirect, median (MB/s) | {Mb(Median(frontSpeeds))} | {Mb(nginxMedian)} " +
            $"| {Median(frontRatios):0.00}× pairwise ({string.Join(" ", frontRatios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}) |");
        Console.WriteLine($"| one stream, all runs (MB/s) | {string.Join(" ", webSpeeds.Select(Mb))} | {string.Join(" ", nginxSpeeds.Select(Mb))} | |");
        Console.WriteLine($"| {concurrency} concurrent, aggregate (MB/s) | {totalMb / webConcurrentSeconds:0} | {totalMb / nginxConcurrentSeconds:0} " +
            $"| {nginxConcurrentSeconds / webConcurrentSeconds:0.00}× |");
        Console.WriteLine($"| web RSS before → peak during {concurrency} downloads (MB) | {baseline / 1048576.0:0} → {peak / 1048576.0:0} " +
            $"(+{(peak - baseline) / 1048576.0:0.0}) | | |");
        Console.WriteLine();
        Console.WriteLine($"load before: {loadBefore}; after: {File.ReadAllText("/proc/loadavg").Trim()}; cores: {Environment.ProcessorCount}");
        return 0;
    }
    finally
    {
        web.Kill(entireProcessTree: true);
        nginx.Kill(entireProcessTree: true);
        await web.WaitForExitAsync();
        await nginx.WaitForExitAsync();
    }
}
finally
{
    // Leave nothing behind: the cluster is stopped, then the whole work folder (database, nginx, files) removed.
    await cluster.DisposeAsync();
    Directory.Delete(work, recursive: true);
}

static string Mb(double bytesPerSecond) => (bytesPerSecond / 1048576).ToString("0", CultureInfo.InvariantCulture);

async Task<double> CurlAsync(string url)
{
    var start = new ProcessStartInfo("curl", ["-s", "-f", "-o", "/dev/null", "--max-time", "300", "-w", "%{speed_download} %{size_download}",
        url])
    { RedirectStandardOutput = true };
    using var curl = Process.Start(start)!;
    var text = await curl.StandardOutput.ReadToEndAsync();
    await curl.WaitForExitAsync();
    if (curl.ExitCode != 0)
    {
        throw new InvalidOperationException($"curl {url} exited with {curl.ExitCode}.");
    }

    var parts = text.Split(' ');
    // Every transfer must be the whole file: a short answer (say, an empty offload response) would fake a speed.
    if (long.Parse(parts[1], CultureInfo.InvariantCulture) != expectedBytes)
    {
        throw new InvalidOperationException($"{url} sent {parts[1]} bytes, expected {expectedBytes}.");
    }

    return double.Parse(parts[0], CultureInfo.InvariantCulture);
}

static long Rss(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}

static ProcessStartInfo WebStart(string dll, int port, Dictionary<string, string?> settings)
{
    var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"]) { WorkingDirectory = Path.GetDirectoryName(dll)! };
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    foreach (var (key, value) in settings)
    {
        start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
    }

    return start;
}

static Process StartNginx(string work, string root, int port, int frontPort, int webPort, string filesRoot)
{
    var prefix = Path.Combine(work, "nginx");
    Directory.CreateDirectory(Path.Combine(prefix, "temp"));
    var conf = Path.Combine(prefix, "nginx.conf");
    File.WriteAllText(conf, $$"""
        daemon off;
        worker_processes auto;
        pid {{prefix}}/nginx.pid;
        error_log {{prefix}}/error.log warn;
        events { worker_connections 1024; }
        http {
            access_log off;
            sendfile on;
            tcp_nopush on;
            default_type application/octet-stream;
            client_body_temp_path {{prefix}}/temp/body;
            proxy_temp_path {{prefix}}/temp/proxy;
            fastcgi_temp_path {{prefix}}/temp/fastcgi;
            uwsgi_temp_path {{prefix}}/temp/uwsgi;
            scgi_temp_path {{prefix}}/temp/scgi;
            server { listen 127.0.0.1:{{port}}; root {{root}}; location / { } }
            upstream web { server 127.0.0.1:{{webPort}}; keepalive 8; }
            server {
                listen 127.0.0.1:{{frontPort}};
                location /d/ {
                    proxy_pass http://web;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $host;
                    proxy_set_header X-Sendfile-Type X-Accel-Redirect;
                }
                location /_files/ { internal; alias {{filesRoot}}/; }
            }
        }
        """);
    return Process.Start(new ProcessStartInfo("/usr/sbin/nginx", ["-p", prefix, "-c", conf]))!;
}

static async Task WaitForPortAsync(int port)
{
    for (var i = 0; i < 600; i++)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return;
        }
        catch (SocketException)
        {
            await Task.Delay(100);
        }
    }

    throw new TimeoutException($"Nothing listens on port {port} after 60 s.");
}

static int FreePort()
{
    using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}

int IntArg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
