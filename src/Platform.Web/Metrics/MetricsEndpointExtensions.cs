using System.Globalization;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.Core.Telemetry;

namespace Platform.Web.Metrics;

/// <summary>
/// The web host's telemetry (docs/observability.md): OpenTelemetry with ASP.NET Core instrumentation, and, when
/// <c>Metrics:Enabled</c>, Prometheus' <c>/metrics</c> on an extra Kestrel endpoint at <c>Metrics:Port</c> — served only
/// to connections that arrived on that port (<see cref="MetricsPortStartupFilter"/>), so the public port answers 404.
/// </summary>
public static class MetricsEndpointExtensions
{
    public const string Path = "/metrics";

    public static WebApplicationBuilder AddPlatformTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        builder.Services.AddPlatformTelemetry(builder.Configuration, "starfront-web",
            (metrics, _) => metrics.AddAspNetCoreInstrumentation().AddPrometheusExporter(),
            tracing => tracing.AddAspNetCoreInstrumentation(o =>
            {
                o.Filter = http => !options.Enabled || http.Connection.LocalPort != options.Port;
                // Download and invitation links carry their token in the path.
                o.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", TelemetryRedaction.Path(request.Path.Value ?? ""));
            }));
        if (!options.Enabled)
        {
            return builder;
        }

        // Kestrel listens on the configured URLs plus the metrics port, appended last: the first address stays the public
        // one (the local run's public base URL is the first address the server listens on).
        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        builder.WebHost.UseUrls(string.Join(';', PublicUrls(builder.Configuration, urls).Append(
            string.Create(CultureInfo.InvariantCulture, $"http://*:{options.Port}"))));
        // First in the chain, ahead of host filtering: Prometheus scrapes by address, not by the public host name.
        builder.Services.Insert(0, ServiceDescriptor.Transient<IStartupFilter>(_ => new MetricsPortStartupFilter(options.Port)));
        return builder;
    }

    /// <summary>What Kestrel would bind without the metrics port: the URLs, else the http(s)_ports settings, else its default.</summary>
    private static IEnumerable<string> PublicUrls(ConfigurationManager configuration, string? urls)
    {
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var ports = Ports(configuration["http_ports"], "http").Concat(Ports(configuration["https_ports"], "https")).ToList();
        return ports.Count > 0 ? ports : ["http://localhost:5000"];
    }

    private static IEnumerable<string> Ports(string? value, string scheme) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"{scheme}://*:{p}");
}
