using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

/// <summary>
/// Sign-up, login, password reset and the JSON sign-up share one per-IP budget of attempts (POSTs); page views do not
/// spend it. This class has a host of its own where the budget is 3 attempts a minute, so nothing else spends it.
/// Each test comes from its own address (X-Forwarded-For, honoured from the loopback proxy).
/// </summary>
public sealed class AuthRateLimitTests(AuthRateLimitTests.LowLimitAppFactory app) : IClassFixture<AuthRateLimitTests.LowLimitAppFactory>
{
    public const int Limit = 3;

    [Fact]
    public async Task Once_the_attempt_budget_is_spent_further_attempts_get_429_while_pages_still_open()
    {
        using var person = From("198.51.100.71");
        for (var i = 0; i < Limit; i++)
        {
            using var attempt = await person.LoginAsync(PortalClient.UniqueEmail("nobody"), "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var refused = await person.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);

        foreach (var path in new[] { "/login", "/signup", "/forgot-password", "/reset-password", "/" })
        {
            Assert.Equal(HttpStatusCode.OK, (await person.Http.GetAsync(path)).StatusCode);
        }

        using var forgot = await person.Http.PostAsync("/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.TooManyRequests, forgot.StatusCode);
        using var api = await person.Http.PostAsJsonAsync("/api/signup", new
        {
            storeName = "Spam",
            email = "spam@example.test",
            password = PortalClient.Password
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
    }

    [Fact]
    public async Task Thirty_views_of_the_login_page_never_get_429()
    {
        using var person = From("198.51.100.72");
        for (var i = 0; i < 30; i++)
        {
            using var view = await person.Http.GetAsync("/login");
            Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        }

        using var attempt = await person.LoginAsync(PortalClient.UniqueEmail("nobody"), "wrong-password-1");
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode); // the budget is untouched
    }

    [Fact]
    public async Task A_browser_over_the_budget_gets_a_429_page_with_a_way_back()
    {
        using var person = From("198.51.100.73");
        person.Http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        for (var i = 0; i < Limit; i++)
        {
            using var _ = await person.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>()));
        }

        using var refused = await person.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await PortalClient.ParseAsync(refused);
        Assert.Equal("Too many attempts", page.QuerySelector("main h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/login']"));
        Assert.NotNull(page.QuerySelector("#error-home"));
    }

    private PortalClient From(string address)
    {
        var client = new PortalClient(app);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    public sealed class LowLimitAppFactory : PlatformAppFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["RateLimits:AuthPermitLimit"] = Limit.ToString(CultureInfo.InvariantCulture);
        }
    }
}
