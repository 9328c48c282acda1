using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Platform.Web.Identity;

namespace Platform.Tests.Identity;

/// <summary>Outside Development and Testing the server refuses to start without its certificates, naming the setting.</summary>
public sealed class OpenIddictKeyOptionsTests
{
    [Fact]
    public void Missing_certificates_outside_local_environments_name_the_missing_settings()
    {
        var result = new OpenIddictKeyOptionsValidator(isLocal: false).Validate(null, new OpenIddictKeyOptions());

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("OpenIddict:SigningCertificate is not configured", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("OpenIddict:EncryptionCertificate is not configured", StringComparison.Ordinal));
    }

    [Fact]
    public void Local_environments_need_no_certificates()
    {
        Assert.True(new OpenIddictKeyOptionsValidator(isLocal: true).Validate(null, new OpenIddictKeyOptions()).Succeeded);
    }

    [Fact]
    public void Base64_pfx_certificates_with_their_password_are_accepted_and_garbage_is_reported()
    {
        var pfx = Convert.ToBase64String(SelfSigned().Export(X509ContentType.Pfx, "pfx-password"));
        var options = new OpenIddictKeyOptions
        {
            SigningCertificate = pfx,
            SigningCertificatePassword = "pfx-password",
            EncryptionCertificate = "not base64 and not a file",
        };

        var result = new OpenIddictKeyOptionsValidator(isLocal: false).Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("OpenIddict:EncryptionCertificate is neither a readable PFX", failure);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Starfront test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
