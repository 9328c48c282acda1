using System.Globalization;
using OpenTelemetry.Metrics;
using Platform.Core;
using Platform.Core.Jobs;
using Platform.Core.Telemetry;
using Platform.Worker.Health;

namespace Platform.Worker;

/// <summary>Builds the job server host; tests build it too, with their own settings.</summary>
public static class WorkerHost
{
    public static IHost Build(string[] args, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        configure?.Invoke(builder);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders().AddJsonConsole();
        }

        // Metrics:Enabled: Prometheus' /metrics on an HTTP listener at Metrics:Port (the worker has no Kestrel).
        // Every interface, as the web's metrics endpoint: the scraper reaches the pod by its address. Not Host = "+": the
        // exporter builds a Uri from Host and Port, and "+" is no host (the worker exited on start); the prefix is swapped
        // on the HttpListener itself instead.
        builder.Services.AddPlatformTelemetry(builder.Configuration, "starfront-worker", (metrics, options) => metrics.AddPrometheusHttpListener(
            listener =>
            {
                listener.Port = options.Port;
                listener.ConfigureHttpListener = (_, http) =>
                {
                    http.Prefixes.Clear();
                    http.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://+:{options.Port}/"));
                };
            }));
        builder.Services.AddPlatformCore(builder.Configuration);
        var connectionString = builder.Configuration.GetConnectionString("Platform")
            ?? throw new InvalidOperationException("ConnectionStrings:Platform is not set. The worker needs the app role's PostgreSQL connection string.");
        builder.Services.AddPlatformJobStorage(connectionString);
        builder.Services.AddSingleton<IPublicBaseUrl, ConfiguredPublicBaseUrl>();
        // Health:Port: /health/live and /health/ready for Kubernetes' probes (off unless set; the image sets 8081).
        builder.Services.AddOptions<WorkerHealthOptions>().Bind(builder.Configuration.GetSection(WorkerHealthOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<WorkerReadiness>();
        if (builder.Configuration.GetValue($"{WorkerHealthOptions.Section}:{nameof(WorkerHealthOptions.Port)}", 0) > 0)
        {
            builder.Services.AddHostedService<WorkerHealthServer>();
        }

        builder.Services.AddPlatformJobServer($"worker:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");
        return builder.Build();
    }
}
