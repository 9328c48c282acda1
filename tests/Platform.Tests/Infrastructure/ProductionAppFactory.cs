using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The real host as Production with every setting Production requires: OpenID Connect certificates, the Data
/// Protection key-ring certificate, the download signing key, the public URL and the allowed host names.
/// </summary>
public class ProductionAppFactory : PlatformAppFactory
{
    /// <summary>The key-ring certificate (base64 PFX, password <see cref="TestCertificates.Password"/>).</summary>
    public string KeyRingCertificate { get; } = TestCertificates.SelfSignedPfx("CN=Starfront key ring test");

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["OpenIddict:SigningCertificate"] = TestCertificates.SelfSignedPfx();
        settings["OpenIddict:SigningCertificatePassword"] = TestCertificates.Password;
        settings["OpenIddict:EncryptionCertificate"] = TestCertificates.SelfSignedPfx();
        settings["OpenIddict:EncryptionCertificatePassword"] = TestCertificates.Password;
        settings["DataProtection:Certificate"] = KeyRingCertificate;
        settings["DataProtection:CertificatePassword"] = TestCertificates.Password;
        settings["Downloads:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["Platform:PublicBaseUrl"] = "https://starfront.example/";
        settings["AllowedHosts"] = "starfront.example;127.0.0.1"; // the tests reach Kestrel at 127.0.0.1
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
