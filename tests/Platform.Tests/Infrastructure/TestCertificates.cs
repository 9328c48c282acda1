using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Platform.Tests.Infrastructure;

/// <summary>Throwaway self-signed RSA certificates, as base64 PFX content (the form the hosts' settings accept).</summary>
public static class TestCertificates
{
    public const string Password = "pfx";

    public static string SelfSignedPfx(string subject = "CN=Starfront production test")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pfx, Password));
    }
}
