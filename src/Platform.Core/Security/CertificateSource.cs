using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Platform.Core.Security;

/// <summary>
/// Loads a PFX certificate given as a file path or base64 content, with its private key. Shared by the OpenID Connect
/// server's keys (Web) and the Data Protection key ring (Core, both hosts), so both settings read the same way.
/// </summary>
public static class CertificateSource
{
    public static X509Certificate2 Load(string setting, string value, string? password)
    {
        try
        {
            var certificate = File.Exists(value)
                ? X509CertificateLoader.LoadPkcs12FromFile(value, password, X509KeyStorageFlags.EphemeralKeySet)
                : X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(value), password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{setting}: the certificate has no private key.");
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new InvalidOperationException(
                $"{setting} is neither a readable PFX file path nor base64 PFX content (or its password is wrong): {ex.Message}", ex);
        }
    }
}
