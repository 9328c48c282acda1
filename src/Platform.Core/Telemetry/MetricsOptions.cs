using System.ComponentModel.DataAnnotations;

namespace Platform.Core.Telemetry;

/// <summary>
/// <c>Metrics:*</c> — the Prometheus endpoint. Off unless enabled, and then served on a port of its own that the
/// public load balancer does not route to, so business figures never leak to the internet.
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve <c>/metrics</c> (web: an extra Kestrel endpoint; worker: an HTTP listener).</summary>
    public bool Enabled { get; set; }

    /// <summary>The port <c>/metrics</c> answers on; never the public port.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 9464;
}
