using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.Core.Inbox;
using Platform.Core.Telemetry;
using Platform.Tests.Events;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Telemetry;

/// <summary>
/// ops/grafana/starfront.json and ops/prometheus/alerts.yml as committed: valid, and every metric they query is one
/// our Starfront meter exports (its Prometheus name: dots to underscores, <c>_seconds</c> for seconds, <c>_total</c> for
/// counters, <c>_bucket</c>/<c>_sum</c>/<c>_count</c> for histograms). A renamed instrument fails here, not in Grafana.
/// </summary>
public sealed partial class DashboardAndAlertsShould
{
    private static readonly string[] DashboardMetrics =
    [
        "starfront_gmv_total", "starfront_orders_paid_total", "starfront_updates_ingested_total", "starfront_precheckout_duration_seconds_bucket",
        "starfront_webhook_deliveries_total", "starfront_webhook_lag_seconds_bucket", "starfront_jobs_failed_total", "starfront_inbox_backlog",
    ];

    [Fact]
    public void Dashboard_is_valid_json_whose_every_query_names_a_metric_of_the_Starfront_meter()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.PathOf("ops", "grafana", "starfront.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();
        var used = expressions.SelectMany(e => MetricName().Matches(e).Select(m => m.Value)).ToHashSet();
        var exported = ExportedNames();

        Assert.NotEmpty(expressions);
        Assert.Equal([], used.Where(u => !exported.Contains(u)).Order().ToArray());
        Assert.Equal([], DashboardMetrics.Where(m => !used.Contains(m)).ToArray());
        Assert.Contains(expressions, e => e.Contains(Quantile("0.5", "starfront_precheckout_duration_seconds_bucket"), StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains(Quantile("0.99", "starfront_precheckout_duration_seconds_bucket"), StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains(Quantile("0.99", "starfront_webhook_lag_seconds_bucket"), StringComparison.Ordinal));
    }

    [Fact]
    public void Alert_rules_cover_webhook_failures_inbox_backlog_and_pre_checkout_p99_with_metrics_of_the_Starfront_meter()
    {
        var text = File.ReadAllText(RepositoryPaths.PathOf("ops", "prometheus", "alerts.yml"));
        var lines = text.Split('\n');
        var alerts = lines.Select(l => AlertLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        var exported = ExportedNames();
        var used = MetricName().Matches(string.Join('\n', lines.Where(l => !l.TrimStart().StartsWith('#')))).Select(m => m.Value).ToHashSet();

        Assert.StartsWith("groups:", string.Join('\n', lines.Where(l => !l.StartsWith('#') && l.Trim().Length > 0)), StringComparison.Ordinal);
        Assert.DoesNotContain('\t', text);
        Assert.Equal(alerts.Count, alerts.Distinct().Count());
        Assert.Equal(alerts.Count, lines.Count(l => l.TrimStart().StartsWith("expr:", StringComparison.Ordinal)));
        Assert.Contains("StarfrontWebhookFailureRate", alerts);
        Assert.Contains("StarfrontInboxBacklog", alerts);
        Assert.Contains("StarfrontPreCheckoutSlow", alerts);
        Assert.Equal([], used.Where(u => !exported.Contains(u)).Order().ToArray());
        Assert.Contains("starfront_webhook_deliveries_total", used);
        Assert.Contains("starfront_inbox_backlog", used);
        Assert.Contains("starfront_precheckout_duration_seconds_bucket", used);
    }

    private static string Quantile(string q, string buckets) => $"histogram_quantile({q}, sum by (le) (rate({buckets}";

    /// <summary>The Prometheus names of every instrument named "starfront.*", the host-made backlog gauge included.</summary>
    private static HashSet<string> ExportedNames()
    {
        RuntimeHelpers.RunClassConstructor(typeof(BusinessMetrics).TypeHandle);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var dataSource = new BotDataSource(Options.Create(new PlatformDatabaseOptions { Platform = "Host=127.0.0.1" }));
        using var gauge = new InboxBacklogGauge(dataSource, services.GetRequiredService<IMeterFactory>(), NullLogger<InboxBacklogGauge>.Instance);
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == StarfrontTelemetry.Name)
                {
                    names.UnionWith(PrometheusNames(instrument));
                }
            },
        };
        listener.Start();
        Assert.Contains("starfront_inbox_backlog", names);
        return names;
    }

    private static IEnumerable<string> PrometheusNames(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_') + (instrument.Unit == "s" ? "_seconds" : "");
        var type = instrument.GetType().GetGenericTypeDefinition();
        if (type == typeof(Counter<>))
        {
            return [name + "_total"];
        }

        return type == typeof(Histogram<>) ? [name + "_bucket", name + "_sum", name + "_count"] : [name];
    }

    [GeneratedRegex(@"starfront_[a-z0-9_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"^\s*- alert: (\S+)\s*$")]
    private static partial Regex AlertLine();
}
