using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>The real host as Production, fully configured: cookies are Secure, HttpOnly and SameSite=Lax.</summary>
public sealed class ProductionCookieTests(ProductionCookieTests.ConfiguredProductionFactory app) : IClassFixture<ProductionCookieTests.ConfiguredProductionFactory>
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

    public sealed class ConfiguredProductionFactory : PlatformAppFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["OpenIddict:SigningCertificate"] = SelfSignedPfx();
            settings["OpenIddict:SigningCertificatePassword"] = "pfx";
            settings["OpenIddict:EncryptionCertificate"] = SelfSignedPfx();
            settings["OpenIddict:EncryptionCertificatePassword"] = "pfx";
            settings["Downloads:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            settings["Platform:PublicBaseUrl"] = "https://starfront.example/";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }

        private static string SelfSignedPfx()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Starfront production test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
            return Convert.ToBase64String(certificate.Export(X509ContentType.Pfx, "pfx"));
        }
    }
}
