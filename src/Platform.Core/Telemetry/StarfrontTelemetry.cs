using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Core.Telemetry;

/// <summary>
/// The one meter and the one activity source of the product, both named "Starfront": the hosts subscribe to this
/// name (docs/observability.md), so every business instrument and span made here reaches Prometheus and the trace
/// exporter without each module knowing about exporters. Static because the places that record are spread over every
/// module and a measurement is only counted when a host's provider listens — nothing is recorded otherwise.
/// </summary>
public static class StarfrontTelemetry
{
    public const string Name = "Starfront";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource ActivitySource = new(Name);
}
