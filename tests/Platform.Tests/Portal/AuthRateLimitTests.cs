using System.Net;
using System.Net.Http.Json;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Portal;

/// <summary>
/// Sign-up, login, password reset and the JSON sign-up share one per-IP budget. This class has a host of
/// its own where the budget is 3 requests a minute, so nothing else spends it.
/// </summary>
public sealed class AuthRateLimitTests(AuthRateLimitTests.LowLimitAppFactory app) : IClassFixture<AuthRateLimitTests.LowLimitAppFactory>
{
    public const int Limit = 3;

    [Fact]
    public async Task Once_the_auth_budget_is_spent_further_auth_requests_get_429_while_other_pages_still_work()
    {
        using var person = new PortalClient(app);
        using (var first = await person.LoginAsync(PortalClient.UniqueEmail("nobody"), "wrong-password-1")) // GET + POST: 2 of 3
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var token = (await PortalClient.ParseAsync(await person.Http.GetAsync("/")))
            .QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.Null(token); // the home page is not rate-limited and spends nothing

        using (var third = await person.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>())))
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, third.StatusCode); // 3 of 3 (400: no antiforgery token)
        }

        using var refused = await person.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);

        foreach (var path in new[] { "/signup", "/forgot-password", "/reset-password" })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await person.Http.GetAsync(path)).StatusCode);
        }

        using var api = await person.Http.PostAsJsonAsync("/api/signup", new { storeName = "Spam", email = "spam@example.test", password = PortalClient.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.Http.GetAsync("/")).StatusCode);
    }

    public sealed class LowLimitAppFactory : PlatformAppFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["RateLimits:AuthPermitLimit"] = Limit.ToString();
        }
    }
}
