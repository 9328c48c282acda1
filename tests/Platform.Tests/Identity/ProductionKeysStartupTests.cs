using Microsoft.AspNetCore.Hosting;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Identity;

/// <summary>The real host, started as Production without certificates, stops at start with a message naming the setting.</summary>
public sealed class ProductionKeysStartupTests
{
    [Fact]
    public async Task Production_without_configured_certificates_fails_to_start_naming_the_setting()
    {
        await using var factory = new ProductionFactory();

        var error = await Assert.ThrowsAnyAsync<Exception>(factory.InitializeAsync);

        Assert.Contains("OpenIddict:SigningCertificate is not configured", error.ToString());
        Assert.Contains("OpenIddict:EncryptionCertificate is not configured", error.ToString());
    }

    private sealed class ProductionFactory : PlatformAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
