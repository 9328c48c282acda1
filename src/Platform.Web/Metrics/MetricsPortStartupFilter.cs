using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Platform.Web.Metrics;

/// <summary>
/// Serves <c>/metrics</c> to connections that arrived on the metrics port, and nothing else there (404). Decided by the
/// socket's local port, not the Host header (which a client chooses: <c>RequireHost("*:9464")</c> would let a request to
/// the public port with <c>Host: x:9464</c> through), and ahead of every other middleware, host filtering included.
/// It runs while the host builds its pipeline, after the public addresses (urls, http_ports) are known and before Kestrel
/// binds them: the metrics port is appended last, so the first address stays the public one.
/// </summary>
internal sealed class MetricsPortStartupFilter(int port) : IStartupFilter
{
    /// <summary>Kestrel's own default when nothing is configured (an empty address list means "use it").</summary>
    private const string KestrelDefault = "http://localhost:5000";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var addresses = app.ApplicationServices.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { IsReadOnly: false })
        {
            if (addresses.Count == 0)
            {
                addresses.Add(KestrelDefault);
            }

            addresses.Add(string.Create(CultureInfo.InvariantCulture, $"http://*:{port}"));
        }

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
