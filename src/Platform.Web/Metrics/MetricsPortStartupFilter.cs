using OpenTelemetry.Exporter;

namespace Platform.Web.Metrics;

/// <summary>
/// Serves <c>/metrics</c> to connections that arrived on the metrics port, and nothing else there (404). Decided by the
/// socket's local port, not the Host header (which a client chooses: <c>RequireHost("*:9464")</c> would let a request to
/// the public port with <c>Host: x:9464</c> through), and ahead of every other middleware, host filtering included.
/// </summary>
internal sealed class MetricsPortStartupFilter(int port) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.MapWhen(http => http.Connection.LocalPort == port, metrics =>
        {
            metrics.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Request.Path == MetricsEndpointExtensions.Path);
            metrics.Run(http =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        next(app);
    };
}
