using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;
using Platform.Tests.Bots;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Telemetry;

/// <summary>
/// The bot host (web, in-process job server, sandbox) with <c>Metrics:Enabled</c> on a free port of its own and traces
/// recorded into <see cref="Spans"/> by OpenTelemetry's in-memory exporter.
/// </summary>
public sealed class TelemetryAppFactory : BotAppFactory
{
    public int MetricsPort { get; } = LoopbackPort.Free();

    public TelemetrySpans Spans { get; } = [];

    public Uri MetricsAddress => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{MetricsPort}/metrics"));

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Metrics:Enabled"] = "true";
        settings["Metrics:Port"] = MetricsPort.ToString(CultureInfo.InvariantCulture);
        settings["Tracing:Enabled"] = "true";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
    }

}
