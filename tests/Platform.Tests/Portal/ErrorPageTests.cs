using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Email;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

/// <summary>
/// Browsers get error pages in the portal's layout with a way back; the API, OpenID Connect and anyone asking for JSON
/// keep problem+json. This host's mail sender fails, to have a real unhandled exception to show.
/// </summary>
public sealed class ErrorPageTests(ErrorPageTests.FailingMailAppFactory app) : IClassFixture<ErrorPageTests.FailingMailAppFactory>
{
    [Fact]
    public async Task An_unknown_address_asked_for_as_html_gets_a_404_page_in_the_layout_with_a_way_back()
    {
        using var browser = Browser();
        using var response = await browser.Http.GetAsync("/no-such-page/here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("404", page.QuerySelector("#error")?.GetAttribute("data-status"));
        Assert.Equal("Page not found", page.QuerySelector("main h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("header.topbar a.brand"));
        Assert.Equal("/", page.QuerySelector("#error-home")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/api/v1/no-such-resource", "text/html")]
    [InlineData("/no-such-page/here", "application/json")]
    [InlineData("/no-such-page/here", null)]
    public async Task The_api_and_json_clients_keep_problem_json_for_unknown_addresses(string path, string? accept)
    {
        using var client = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_failure_on_our_side_shows_a_500_page_without_details_to_a_browser_and_problem_json_to_others()
    {
        var email = PortalClient.UniqueEmail("unlucky");
        await app.SignUpStoreAsync("Unlucky Goods", email, PortalClient.Password);
        using var browser = Browser();

        using var html = await browser.SubmitAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.InternalServerError, html.StatusCode);
        var body = await html.Content.ReadAsStringAsync();
        var page = await PortalClient.ParseAsync(html);
        Assert.Equal("Something went wrong on our side", page.QuerySelector("main h1")?.TextContent);
        Assert.DoesNotContain(FailingEmailSender.Message, body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);

        browser.Http.DefaultRequestHeaders.Accept.Clear();
        browser.Http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var json = await browser.SubmitAsync("/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.InternalServerError, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(FailingEmailSender.Message, await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_stores_page_offers_to_switch_to_it_and_comes_back_to_that_page()
    {
        using var owner = Browser();
        var slugA = await owner.SignUpAsync("Mismatch Alpha", PortalClient.UniqueEmail("alpha"));
        using var ownerOfB = new PortalClient(app);
        var slugB = await ownerOfB.SignUpAsync("Mismatch Bravo", PortalClient.UniqueEmail("bravo"));
        var email = (await owner.GetAsync($"/stores/{slugA}")).Page.QuerySelector(".user-email")!.TextContent.Trim();
        var link = await ownerOfB.InviteAsync(slugB, email);
        using (var joined = await owner.SubmitAsync(link, new Dictionary<string, string>(), "form[action*='handler=Join']"))
        {
            Assert.Equal($"/stores/{slugB}", joined.Headers.Location!.OriginalString); // now working in B
        }

        using var refused = await owner.Http.GetAsync($"/stores/{slugA}/team");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Equal("This page belongs to another store", page.QuerySelector("main h1")?.TextContent);
        Assert.Contains("Mismatch Alpha", page.QuerySelector("#switch-to-store button")?.TextContent);

        var form = page.QuerySelector("#switch-to-store")!;
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        using var switched = await owner.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal($"/stores/{slugA}/team", switched.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/stores/{slugA}/team")).Status);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_no_server_header()
    {
        using var browser = Browser();
        foreach (var path in new[] { "/", "/login", "/no-such-page", "/css/portal.css", "/favicon.svg", "/api/v1/store", "/health/live" })
        {
            using var response = await browser.Http.GetAsync(path);
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.False(response.Headers.Contains("Server"), $"{path} names its server: {response.Headers.Server}");
        }

        using var reset = await browser.Http.GetAsync("/reset-password?email=a%40example.test&token=x");
        Assert.Equal("no-referrer", Assert.Single(reset.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task The_favicon_is_served_and_the_classic_address_leads_to_it()
    {
        using var client = app.CreateHttpClient(followRedirects: true);
        using var svg = await client.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        using var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/svg+xml", ico.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A PortalClient that asks for HTML, as a browser's navigation does.</summary>
    private PortalClient Browser()
    {
        var client = new PortalClient(app);
        client.Http.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return client;
    }

    public sealed class FailingMailAppFactory : PlatformAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddScoped<OutboxEmailSender>().AddScoped<IEmailSender, FailingEmailSender>());
        }
    }

    /// <summary>Fails password-reset mails only; invitations (the store-switch test) go to the real outbox.</summary>
    private sealed class FailingEmailSender(OutboxEmailSender outbox) : IEmailSender
    {
        public const string Message = "The mail relay is on fire (test).";

        public Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken) =>
            subject.Contains("password", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException(Message)
                : outbox.SendAsync(to, subject, body, cancellationToken);
    }
}
