using System.Diagnostics;
using System.Net;
using Npgsql;
using Platform.Core;
using Platform.Tests.Bots;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Worker;

/// <summary>
/// The worker's <c>/health/live</c> and <c>/health/ready</c> on <c>Health:Port</c> (what the chart's probes and the image's
/// HEALTHCHECK call), with Platform.Worker running as its own OS process as in a pod.
/// </summary>
public sealed class WorkerHealthShould
{
    [Fact]
    public async Task Answer_live_ready_and_metrics_on_its_ports_and_pass_its_own_health_probe_command_until_it_dies()
    {
        var database = await TestPostgres.Instance.CreateDatabaseAsync("workerhealth");
        var port = LoopbackPort.Free();
        var metricsPort = LoopbackPort.Free();
        var settings = Settings(database.AppConnectionString, port);
        settings["Metrics:Enabled"] = "true";
        settings["Metrics:Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var worker = WorkerProcess.Start(settings);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await WaitForLiveAsync(client);
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/health/other", UriKind.Relative))).StatusCode);

        // The chart's worker ServiceMonitor scrapes this; the listener once failed the worker's start ("+" as a host).
        using var metrics = await client.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("# TYPE", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await ProbeAsync($"http://127.0.0.1:{port}/health/ready"));
        await worker.KillAsync();
        Assert.Equal(1, await ProbeAsync($"http://127.0.0.1:{port}/health/live"));
    }

    [Fact]
    public async Task Stay_live_but_not_ready_while_the_database_lacks_its_migrations()
    {
        var name = "workerhealth_empty_" + Guid.NewGuid().ToString("N")[..10];
        var superuser = await TestPostgres.Instance.SuperuserConnectionStringAsync();
        await using (var connection = new NpgsqlConnection(superuser))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var empty = new NpgsqlConnectionStringBuilder(superuser) { Database = name }.ConnectionString;
        var port = LoopbackPort.Free();
        await using var worker = WorkerProcess.Start(Settings(empty, port));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await WaitForLiveAsync(client);
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("migration(s) not applied", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await ProbeAsync($"http://127.0.0.1:{port}/health/ready"));
    }

    [Fact]
    public void Send_the_first_named_allowed_host_as_the_probes_host_header()
    {
        Assert.Equal("shop.example", HealthProbe.HostHeader("*.shop.example; shop.example;www.shop.example"));
        Assert.Null(HealthProbe.HostHeader("*"));
        Assert.Null(HealthProbe.HostHeader(null));
        Assert.Equal(new Uri("http://127.0.0.1:5090/health/live"), HealthProbe.WebDefault(n => n == "ASPNETCORE_HTTP_PORTS" ? "5090;5091" : null));
        Assert.Equal(new Uri("http://127.0.0.1:8081/health/live"), HealthProbe.WorkerDefault(_ => null));
    }

    private static Dictionary<string, string> Settings(string connectionString, int port) => new()
    {
        ["ConnectionStrings:Platform"] = connectionString,
        ["Health:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task WaitForLiveAsync(HttpClient client)
    {
        // The worker is a fresh process: its start takes seconds, more with the whole suite on two cores.
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                return;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(200); // polling another process's listener, not waiting for time to pass
            }
        }
    }

    /// <summary><c>dotnet Platform.Worker.dll health-probe url</c>, as the image's HEALTHCHECK runs it; its exit code.</summary>
    private static async Task<int> ProbeAsync(string url)
    {
        var dll = RepositoryPaths.BuiltDll("Platform.Worker"); // its own build output, with its runtimeconfig, as WorkerProcess runs it
        using var process = Process.Start(new ProcessStartInfo("dotnet", [dll, HealthProbe.Command, url])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

}
