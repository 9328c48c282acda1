using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>The real host as Production, fully configured: cookies are Secure, HttpOnly and SameSite=Lax.</summary>
public sealed class ProductionCookieTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public void The_sign_in_cookie_is_secure_http_only_and_lax_in_production()
    {
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie;
        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
    }

    [Fact]
    public async Task The_antiforgery_cookie_of_a_form_page_is_marked_secure_in_production()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        // As behind the production ingress, which terminates TLS and says so.
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var response = await client.GetAsync("/login");
        Assert.True(response.Headers.Contains("Set-Cookie"), $"{(int)response.StatusCode}: {response.Headers}");
        var setCookie = string.Join("\n", response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("starfront.af", setCookie, StringComparison.Ordinal);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
    }
}
