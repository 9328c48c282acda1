using System.Globalization;

namespace Platform.Core;

/// <summary>
/// <c>dotnet Platform.Web.dll health-probe [url]</c> (and the worker's): the container image's HEALTHCHECK. The ASP.NET
/// runtime image has no curl or wget, so the executable probes itself: one GET on loopback, exit 0 on a 2xx answer and 1
/// otherwise, without building the host (no configuration validation, no database). Outside Development the web refuses
/// Host headers it was not told about (<c>AllowedHosts</c>), so the probe sends the first named host it finds there.
/// </summary>
public static class HealthProbe
{
    public const string Command = "health-probe";

    /// <summary>The web's default target: its first <c>ASPNETCORE_HTTP_PORTS</c> port (8080 in the runtime image).</summary>
    public static Uri WebDefault(Func<string, string?> environment)
    {
        var ports = environment("ASPNETCORE_HTTP_PORTS") ?? "";
        var first = ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "8080";
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{first}/health/live"));
    }

    /// <summary>The worker's default target: its <c>Health__Port</c> (8081 in the image).</summary>
    public static Uri WorkerDefault(Func<string, string?> environment) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{environment("Health__Port") ?? "8081"}/health/live"));

    /// <summary>The Host header to send: the first <c>AllowedHosts</c> entry without a wildcard, if any.</summary>
    public static string? HostHeader(string? allowedHosts) =>
        (allowedHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(h => !h.Contains('*', StringComparison.Ordinal));

    /// <summary>Runs the probe: <paramref name="args"/> is the command line (<c>health-probe [url]</c>).</summary>
    public static async Task<int> RunAsync(string[] args, Uri fallback, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var target = args.Length > 1 ? new Uri(args[1]) : fallback;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Host = HostHeader(Environment.GetEnvironmentVariable("AllowedHosts"));
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{target}: {(int)response.StatusCode}")).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"{target}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
