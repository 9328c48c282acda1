using System.Globalization;

namespace Platform.TelegramSandbox.Hosting;

/// <summary>
/// The standalone sandbox's <c>/health/live</c> and its <c>health-probe</c> command (the container image's HEALTHCHECK:
/// the runtime image has no curl). Its own small copy, because the sandbox references nothing of the platform.
/// </summary>
public static class SandboxHealth
{
    public const string Command = "health-probe";
    public const string LivePath = "/health/live";

    /// <summary>Maps <c>/health/live</c>: the process answers HTTP.</summary>
    public static void MapSandboxHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(LivePath, () => Results.Text("Healthy")).ExcludeFromDescription();

    /// <summary>GETs <c>/health/live</c> on the first <c>ASPNETCORE_HTTP_PORTS</c> port (or the URL given); 0 when it answers 2xx.</summary>
    public static async Task<int> ProbeAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "8080";
        var target = new Uri(args.Length > 1 ? args[1] : string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{LivePath}"));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(target).ConfigureAwait(false);
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
