using Platform.Tests.Infrastructure;

namespace Platform.Tests.Security;

/// <summary>The web host as Production, configured except for the key-ring certificate, stops at start naming the setting.</summary>
public sealed class ProductionKeyRingStartupTests
{
    [Fact]
    public async Task Production_without_a_key_ring_certificate_fails_to_start_naming_the_setting()
    {
        await using var factory = new WithoutKeyRingCertificate();

        var error = await Assert.ThrowsAnyAsync<Exception>(factory.InitializeAsync);

        Assert.Contains("DataProtection:Certificate is not configured", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("OpenIddict:", error.ToString(), StringComparison.Ordinal); // everything else was set
    }

    private sealed class WithoutKeyRingCertificate : ProductionAppFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings.Remove("DataProtection:Certificate");
            settings.Remove("DataProtection:CertificatePassword");
        }
    }
}
