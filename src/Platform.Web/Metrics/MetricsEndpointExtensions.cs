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

        // First in the chain, ahead of host filtering: Prometheus scrapes by address, not by the public host name. The filter
        // also adds the metrics port to the addresses Kestrel binds.
        builder.Services.Insert(0, ServiceDescriptor.Transient<IStartupFilter>(_ => new MetricsPortStartupFilter(options.Port)));
        return builder;
    }
}
