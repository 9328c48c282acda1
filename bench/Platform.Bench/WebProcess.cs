using System.Diagnostics;

namespace Platform.Bench;

/// <summary>The web app (Release build) as a child process, the way it runs in production.</summary>
internal sealed class WebProcess(Process process, Uri baseUrl) : IAsyncDisposable
{
    public Uri BaseUrl { get; } = baseUrl;

    public int Pid => process.Id;

    public static async Task<WebProcess> StartAsync(string root, int port, IDictionary<string, string> settings)
    {
        var dll = Path.Combine(root, "src", "Platform.Web", "bin", "Release", "net10.0", "Platform.Web.dll");
        var info = new ProcessStartInfo("dotnet", [dll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // Experiments: BENCH_WEB_<NAME>=value reaches the web process alone as <NAME> (e.g. BENCH_WEB_DOTNET_TieredPGO=0).
        foreach (var (key, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, (string?)e.Value)).Where(e => e.Item1.StartsWith("BENCH_WEB_", StringComparison.Ordinal)))
        {
            info.Environment[key["BENCH_WEB_".Length..]] = value;
        }

        var process = Process.Start(info)!;
        // Warnings and errors (their header line and the indented lines under it) reach the bench's stderr: in a
        // benchmark any of them is worth seeing next to the figures.
        var forwarding = false;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line) return;
            forwarding = line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal)
                || (forwarding && line.StartsWith(' '));
            if (forwarding) Console.Error.WriteLine($"web {DateTime.UtcNow:HH:mm:ss.fff}: {line}");
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("web: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(url, "health/live"))).IsSuccessStatusCode)
                {
                    return new WebProcess(process, url);
                }
            }
            catch (HttpRequestException)
            {
                // not up yet
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The web app did not start.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
