using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Tests.Infrastructure;
using Platform.Tests.Merchant;
using Platform.Tests.Security;

namespace Platform.Tests.Tenancy;

/// <summary>
/// Our own cross-tenant probe, kept current by construction: every route comes from the app's endpoint data source
/// (Razor pages with each of their POST handlers, minimal APIs with their methods), so a new route is probed, or
/// fails <see cref="Every_route_of_the_app_has_a_probe_rule"/>, without editing this class. Merchant A, with A's
/// cookie and A's API token, tries each with merchant B's slug and ids (and, where the path has ids, A's slug with B's
/// ids). Never a 2xx carrying B's data; after all of it, B's rows are exactly as before.
/// </summary>
public sealed partial class CrossTenantProbeTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    [Fact]
    public void Every_route_of_the_app_has_a_probe_rule()
    {
        var missing = Routes().Select(r => r.Pattern).Distinct().Where(p => ProbeRules.Find(p) is null).ToList();
        Assert.True(missing.Count == 0, "Routes without a rule in ProbeRules (decide how each keeps stores apart): " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Merchant_A_never_gets_a_2xx_with_B_data_nor_changes_B_on_any_route()
    {
        var a = await SeededStore.CreateAsync(app, "Alpha");
        var b = await SeededStore.CreateAsync(app, "Bravo");
        var before = await TenantRows.FingerprintAsync(app.Database, b.Tenant.Id);
        var antiforgery = await AntiforgeryTokenAsync(a);
        var secrets = new[] { b.Marker, b.Tenant.Id.ToString(), b.CategoryId.ToString(), b.TextProductId.ToString(), b.KeyProductId.ToString(),
            b.FileProductId.ToString(), b.FileId.ToString(), b.OrderId.ToString(), b.BotId.ToString(), b.WebhookId.ToString() };
        var leaks = new List<string>();
        var probes = 0;
        foreach (var (pattern, methods, pageModel, body) in Routes())
        {
            if (ProbeRules.Find(pattern) is not { Probe: true } rule)
            {
                continue;
            }

            var slugs = !pattern.Contains("{tenant}", StringComparison.Ordinal) ? [a.Tenant.Slug]
                : pattern.Count(c => c == '{') > 1 || rule.IdOf is not null ? new[] { b.Tenant.Slug, a.Tenant.Slug } : [b.Tenant.Slug];
            foreach (var slug in slugs)
            {
                var path = Parameter().Replace(pattern, m => m.Groups[1].Value == "tenant" ? slug : (rule.IdOf?.Invoke(b) ?? Guid.NewGuid()).ToString());
                foreach (var (method, handler) in EndpointRequests.For(methods, pageModel))
                {
                    using var request = Build(method, handler is null ? path : $"{path}?handler={handler}", pattern, body, b, rule, antiforgery);
                    var client = pattern.StartsWith("/api/", StringComparison.Ordinal) ? a.Api : a.Portal;
                    using var response = await client.SendAsync(request);
                    probes++;
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.IsSuccessStatusCode && secrets.FirstOrDefault(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)) is { } leaked)
                    {
                        leaks.Add($"{method} {request.RequestUri} answered {(int)response.StatusCode} containing B's {leaked}");
                    }
                }
            }
        }

        probes += await ProbeMiddlewareRoutesAsync(a, b, secrets, leaks);
        var after = await TenantRows.FingerprintAsync(app.Database, b.Tenant.Id);
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.True(TenantRows.Changed(before, after).Length == 0, $"B's rows changed: {TenantRows.Changed(before, after)}");
        Assert.True(probes > 100, $"Only {probes} probes: route discovery found too little.");
    }

    /// <summary>The ingress and the jobs dashboard are middleware, not endpoints; probed by hand with the same checks.</summary>
    private static async Task<int> ProbeMiddlewareRoutesAsync(SeededStore a, SeededStore b, string[] secrets, List<string> leaks)
    {
        Assert.Equal(["/telegram/{botId}", "/jobs"], ProbeRules.MiddlewareRoutes);
        var update = new StringContent("""{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"},"text":"/start"}}""",
            Encoding.UTF8, "application/json");
        using var telegram = await a.Portal.PostAsync($"/telegram/{b.BotId}", update);
        using var jobs = await a.Portal.GetAsync("/jobs");
        foreach (var response in new[] { telegram, jobs })
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && secrets.Any(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                leaks.Add($"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode} with B's data");
            }
        }

        return 2;
    }

    private static HttpRequestMessage Build(string method, string url, string pattern, Type? body, SeededStore b, ProbeRule rule, string antiforgery)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "GET" or "DELETE")
        {
            return request;
        }

        if (pattern.EndsWith("/keys", StringComparison.Ordinal))
        {
            request.Content = new StringContent("PROBE-KEY", Encoding.UTF8, "text/plain");
        }
        else if (pattern.EndsWith("/files", StringComparison.Ordinal) || pattern.EndsWith("/upload", StringComparison.Ordinal))
        {
            var part = new ByteArrayContent("probe"u8.ToArray());
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"probe.txt\"" };
            request.Content = new MultipartFormDataContent { part };
        }
        else if (pattern.StartsWith("/api/", StringComparison.Ordinal))
        {
            request.Content = new StringContent(Json(body, b), Encoding.UTF8, "application/json");
        }
        else
        {
            var id = (rule.IdOf?.Invoke(b) ?? b.TextProductId).ToString();
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = antiforgery,
                ["id"] = id,
                ["Slug"] = b.Tenant.Slug,
                ["Title"] = "Probe",
                ["Name"] = "Probe",
                ["Description"] = "Probe",
                ["Kind"] = "Text",
                ["PriceStars"] = "5",
                ["TextContent"] = "Probe",
                ["keysText"] = "PROBE-KEY",
                ["Email"] = "probe@example.test",
                ["Role"] = "Staff",
                ["direction"] = "1",
                ["EndpointUrl"] = "http://127.0.0.1:9/probe",
                ["CategoryId"] = b.CategoryId.ToString(),
                ["FileId"] = b.FileId.ToString(),
                ["ProductId"] = b.TextProductId.ToString(),
                ["WelcomeText"] = "Probe",
                ["Token"] = "123456:probe",
            });
        }

        return request;
    }

    /// <summary>A plausible body for an API record: text fields filled, every id field pointing at one of B's rows.</summary>
    private static string Json(Type? body, SeededStore b)
    {
        if (body is null)
        {
            return "{}";
        }

        if (body == typeof(List<Guid>))
        {
            return JsonSerializer.Serialize(new[] { b.CategoryId });
        }

        var values = new Dictionary<string, object?>();
        foreach (var property in body.GetProperties())
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            values[name] = name switch
            {
                "kind" => "text",
                "url" => "http://127.0.0.1:9/probe",
                "token" => "123456:probe",
                "categoryId" => b.CategoryId,
                "fileId" or "photoFileId" => b.FileId,
                _ when property.PropertyType == typeof(string) => "Probe",
                _ when property.PropertyType == typeof(int?) || property.PropertyType == typeof(int) => 5,
                _ => null,
            };
        }

        return JsonSerializer.Serialize(values);
    }

    private static async Task<string> AntiforgeryTokenAsync(SeededStore a)
    {
        var html = await a.Portal.GetStringAsync($"/stores/{a.Tenant.Slug}/products/new");
        return AntiforgeryField().Match(html).Groups[1].Value;
    }

    /// <summary>Every route endpoint: its pattern ("/" + raw text, no trailing slash), methods, page model and body type.</summary>
    private IEnumerable<(string Pattern, IReadOnlyList<string> Methods, Type? PageModel, Type? Body)> Routes() =>
        from endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        let raw = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/')
        let page = endpoint.Metadata.OfType<PageActionDescriptor>().FirstOrDefault()
        select (raw, (IReadOnlyList<string>)endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList(),
            page is null ? null : PageModelOf(page.RelativePath), endpoint.Metadata.OfType<IAcceptsMetadata>().FirstOrDefault()?.RequestType);

    /// <summary>"/Pages/Stores/Products/Edit.cshtml" → Platform.Web.Pages.Stores.Products.EditModel (null for model-less pages).</summary>
    private static Type? PageModelOf(string relativePath) =>
        typeof(Program).Assembly.GetType("Platform.Web" + relativePath[..^".cshtml".Length].Replace('/', '.') + "Model");

    [GeneratedRegex(@"\{([a-zA-Z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
