namespace Platform.Core.Telemetry;

/// <summary>
/// <c>Tracing:*</c> — spans are recorded only when something will read them: an OTLP endpoint is configured, or
/// <see cref="Enabled"/> is set for an exporter added in code (the tests' in-memory one). Otherwise tracing costs the
/// update path nothing.
/// </summary>
public sealed class TracingOptions
{
    public const string Section = "Tracing";

    /// <summary>Record spans even without an OTLP endpoint.</summary>
    public bool Enabled { get; set; }

    /// <summary>The OTLP collector (gRPC by default, e.g. <c>http://otel-collector:4317</c>); empty: no exporter.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>True when spans are recorded at all.</summary>
    public bool IsOn => Enabled || OtlpEndpoint is not null;
}
