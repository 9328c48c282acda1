using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Platform.Tests.Bots;

namespace Platform.Tests.Telemetry;

/// <summary>
/// Issue 16.4's "Done when": a sale through the sandbox shows in the business metrics scraped from the metrics port
/// (the public port answers 404 there), and one paid update is one trace from ingress to the document sent.
/// </summary>
[Collection(BotTests.Collection)]
public sealed partial class TelemetryEndToEndTests(TelemetryAppFactory app) : IClassFixture<TelemetryAppFactory>
{
    [Fact]
    public async Task A_sale_shows_in_the_business_metrics_on_the_metrics_port_and_the_public_port_answers_404_for_metrics()
    {
        await SellAFileAsync("Metrics");

        using var http = new HttpClient();
        var text = await ScrapeUntilAsync(http, t => Value(t, "starfront_inbox_backlog") is not null);
        Assert.True(Value(text, "starfront_orders_paid_total", "kind=\"purchase\"") >= 1, text);
        Assert.True(Value(text, "starfront_gmv_total", "kind=\"purchase\"") >= 40, text);
        Assert.True(Value(text, "starfront_updates_ingested_total", "kind=\"message\"") >= 2, text);
        Assert.True(Value(text, "starfront_updates_ingested_total", "kind=\"pre_checkout_query\"") >= 1, text);
        Assert.True(Value(text, "starfront_precheckout_duration_seconds_count", "outcome=\"accepted\"") >= 1, text);
        Assert.Contains("starfront_precheckout_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.NotNull(Value(text, "starfront_inbox_backlog"));
        // The instrumentation's own figures are there too (ASP.NET Core, HttpClient, Npgsql).
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("http_client_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("db_client_", text, StringComparison.Ordinal);

        // The public port: no metrics; the metrics port: nothing else.
        using var publicClient = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Host = $"127.0.0.1:{app.MetricsPort}";
        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.SendAsync(spoofed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(app.MetricsAddress, "/login"))).StatusCode);
    }

    [Fact]
    public async Task One_paid_update_is_one_trace_from_the_ingress_request_through_its_processing_to_sendDocument()
    {
        await SellAFileAsync("Tracing");

        // The "process update" span ends after the document went out: wait for it to be exported.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Activity? send = null, process = null, ingress = null;
        while (DateTime.UtcNow < deadline)
        {
            var spans = app.Spans.Snapshot();
            var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
            var sends = spans.Where(s => s.Kind == ActivityKind.Client && Tag(s, "url.full")?.EndsWith("/sendDocument", StringComparison.Ordinal) == true);
            foreach (var candidate in sends)
            {
                process = Ancestors(candidate, byId).FirstOrDefault(a => a.OperationName == "process update");
                ingress = process is null ? null : byId.GetValueOrDefault(process.ParentSpanId);
                if (ingress is not null)
                {
                    send = candidate;
                    break;
                }
            }

            if (send is not null)
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.NotNull(send);
        Assert.Equal(ActivityKind.Server, ingress!.Kind);
        Assert.StartsWith("/telegram/", Tag(ingress, "url.path"), StringComparison.Ordinal);
        Assert.Equal(ingress.TraceId, process!.TraceId);
        Assert.Equal(process.TraceId, send.TraceId);
        Assert.Equal(ingress.SpanId, process.ParentSpanId);
        Assert.Equal("Starfront", process.Source.Name);

        // No Bot API token reaches a span: the URLs are redacted.
        var leaked = app.Spans.Snapshot().SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? "").Where(v => BotToken().IsMatch(v)).ToList();
        Assert.Empty(leaked);
    }

    private async Task SellAFileAsync(string name)
    {
        var store = await TestStore.CreateAsync(app, name);
        var product = await store.AddFileProductAsync("Ebook", 40, RandomNumberGenerator.GetBytes(10_000), "ebook.pdf");
        var buyer = await SandboxBuyer.CreateAsync(app.Telegram, store.TelegramBotId, "Ann", stars: 500);
        await buyer.SendAsync("/start");
        await buyer.WaitForAsync(m => SandboxClient.Text(m)?.Contains(name, StringComparison.Ordinal) == true);
        var invoice = await buyer.OpenInvoiceAsync(product);
        Assert.Equal("paid", (await buyer.PayAsync(invoice)).GetProperty("status").GetString());
        await buyer.WaitForAsync(m => SandboxClient.Has(m, "document"));
    }

    private async Task<string> ScrapeUntilAsync(HttpClient http, Func<string, bool> ready)
    {
        var text = "";
        for (var i = 0; i < 50; i++)
        {
            using var response = await http.GetAsync(app.MetricsAddress);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
            if (ready(text))
            {
                return text;
            }

            await Task.Delay(200);
        }

        return text;
    }

    /// <summary>The sum of the samples of <paramref name="metric"/> whose labels contain <paramref name="label"/>; null if none.</summary>
    private static double? Value(string text, string metric, string label = "")
    {
        var values = text.Split('\n')
            .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(l => l.Contains(label, StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.Contains('{', StringComparison.Ordinal) ? l.LastIndexOf('}') + 1 : metric.Length)..].Trim().Split(' ')[0],
                System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return values.Count == 0 ? null : values.Sum();
    }

    private static IEnumerable<Activity> Ancestors(Activity span, Dictionary<ActivitySpanId, Activity> byId)
    {
        var current = span;
        while (byId.TryGetValue(current.ParentSpanId, out var parent) && parent != current)
        {
            yield return parent;
            current = parent;
        }
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    [GeneratedRegex(@"bot\d+:[A-Za-z0-9_-]{20,}")]
    private static partial Regex BotToken();
}
