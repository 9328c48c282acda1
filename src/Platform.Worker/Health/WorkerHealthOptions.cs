using System.ComponentModel.DataAnnotations;

namespace Platform.Worker.Health;

/// <summary>
/// <c>Health:Port</c> — where the worker answers <c>/health/live</c> and <c>/health/ready</c> for Kubernetes' probes and
/// the image's HEALTHCHECK. The worker has no Kestrel, so a small HTTP listener serves them. Off (0) by default, so
/// several workers on one machine (the tests, a local run) never fight over a port; the container image sets 8081.
/// </summary>
public sealed class WorkerHealthOptions
{
    public const string Section = "Health";

    /// <summary>The probe port on every interface; 0 serves no health endpoints.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }
}
