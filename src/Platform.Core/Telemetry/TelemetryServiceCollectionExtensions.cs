using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry for a host: the Starfront meter and source, HttpClient and Npgsql instrumentation (and the .NET
    /// runtime's metrics), each half only when switched on (<see cref="MetricsOptions"/>, <see cref="TracingOptions"/>).
    /// The host adds what only it has: the web its ASP.NET Core instrumentation and the scraping endpoint, the worker
    /// its HTTP listener (<paramref name="metrics"/>, <paramref name="tracing"/>). Traces go to OTLP only when an
    /// endpoint is configured.
    /// </summary>
    public static IServiceCollection AddPlatformTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName, Action<MeterProviderBuilder, MetricsOptions>? metrics = null,
        Action<TracerProviderBuilder>? tracing = null)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TracingOptions>().Bind(configuration.GetSection(TracingOptions.Section)).ValidateOnStart();
        var metricsOptions = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        var tracingOptions = configuration.GetSection(TracingOptions.Section).Get<TracingOptions>() ?? new TracingOptions();
        if (!metricsOptions.Enabled && !tracingOptions.IsOn)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService(serviceName));
        if (metricsOptions.Enabled)
        {
            telemetry.WithMetrics(builder =>
            {
                builder.AddMeter(StarfrontTelemetry.Name).AddHttpClientInstrumentation().AddNpgsqlInstrumentation().AddRuntimeInstrumentation();
                metrics?.Invoke(builder, metricsOptions);
            });
        }

        if (tracingOptions.IsOn)
        {
            telemetry.WithTracing(builder =>
            {
                // The Bot API's URLs carry the bot's token: the span keeps a redacted copy.
                builder.AddSource(StarfrontTelemetry.Name).AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
                {
                    if (request.RequestUri is { } uri)
                    {
                        activity.SetTag("url.full", TelemetryRedaction.Url(uri));
                    }
                }).AddNpgsql();
                tracing?.Invoke(builder);
                if (tracingOptions.OtlpEndpoint is { } endpoint)
                {
                    builder.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            });
        }

        return services;
    }
}
