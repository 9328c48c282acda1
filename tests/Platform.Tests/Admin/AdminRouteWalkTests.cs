using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Tests.Infrastructure;
using Platform.Web.Jobs;

namespace Platform.Tests.Admin;

/// <summary>
/// Walks every admin route the app has (from its <see cref="EndpointDataSource"/>: every pattern under /admin, each
/// page's GET and a POST to each of its handlers, plus the Hangfire dashboard) as an anonymous visitor and as a
/// merchant: each answers 403 or 404, never a page, a redirect to login or a 2xx. A new admin route is walked
/// automatically; one whose route parameters the walk cannot fill fails the test until it learns them.
/// </summary>
public sealed partial class AdminRouteWalkTests(StoresAdminAppFactory app) : IClassFixture<StoresAdminAppFactory>
{
    private static readonly string[] KnownRoutes = ["/admin", "/admin/stores", "/admin/stores/{tenantId:guid}", "/admin/audit", "/admin/reauth"];

    [Fact]
    public async Task Every_admin_route_answers_403_or_404_to_anonymous_visitors_and_merchants()
    {
        var (tenant, merchantEmail) = await app.NewStoreAsync("Walker");
        using var anonymous = app.CreateHttpClient();
        using var merchant = await app.SignedInClientAsync(merchantEmail, tenant);
        var routes = AdminRoutes().ToList();
        Assert.Superset(KnownRoutes.ToHashSet(), routes.Select(r => r.Pattern).ToHashSet());

        var requests = new List<(string Method, string Url)>();
        foreach (var (pattern, methods, pageModel) in routes)
        {
            var unknown = Parameter().Matches(pattern).Select(m => m.Groups[1].Value).Where(p => p != "tenantId").ToList();
            Assert.True(unknown.Count == 0, $"The walk cannot fill {string.Join(", ", unknown)} in {pattern}: teach it (a real id) in AdminRouteWalkTests.");
            var path = Parameter().Replace(pattern, tenant.Id.ToString());
            // A plain POST too, whether or not the page declares OnPost: an outsider must get 403/404 either way.
            requests.AddRange(EndpointRequests.For(methods, pageModel).Append((Method: "POST", Handler: (string?)null)).Distinct()
                .Select(r => (r.Method, r.Handler is null ? path : $"{path}?handler={r.Handler}")));
        }

        foreach (var dashboard in new[] { JobsDashboardExtensions.DashboardPath, JobsDashboardExtensions.DashboardPath + "/stats" })
        {
            requests.Add(("GET", dashboard));
            requests.Add(("POST", dashboard));
        }

        var wrong = new List<string>();
        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("merchant", merchant) })
        {
            foreach (var (method, url) in requests)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == "POST")
                {
                    request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Reason"] = "walk", ["Password"] = "walk-walk-walk" });
                }

                using var response = await client.SendAsync(request);
                if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
                {
                    wrong.Add($"{who} {method} {url} answered {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(requests.Count >= 14, $"Only {requests.Count} requests: route discovery found too little.");
    }

    [Fact]
    public async Task A_platform_admin_opens_every_admin_page()
    {
        var (tenant, _) = await app.NewStoreAsync("Opened");
        using var admin = await app.AdminClientAsync(await app.NewAdminAsync());
        var paths = new[] { "/admin", "/admin/stores", $"/admin/stores/{tenant.Id}", "/admin/audit", "/admin/reauth", JobsDashboardExtensions.DashboardPath };
        foreach (var path in paths)
        {
            using var response = await admin.Http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/stores/{Guid.NewGuid()}")).Status);
    }

    private IEnumerable<(string Pattern, IReadOnlyList<string> Methods, Type? PageModel)> AdminRoutes() =>
        from endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        let raw = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/')
        where raw == "/admin" || raw.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase)
        let page = endpoint.Metadata.OfType<PageActionDescriptor>().FirstOrDefault()
        select (raw, (IReadOnlyList<string>)endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList(),
            page is null ? null : typeof(Program).Assembly.GetType("Platform.Web" + page.RelativePath[..^".cshtml".Length].Replace('/', '.') + "Model"));

    [GeneratedRegex(@"\{([a-zA-Z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
