using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Platform.Core.Security;

/// <summary>
/// Outside Development and Testing the key-ring certificate must be configured; wherever a certificate is
/// configured (current or previous) it must load with its private key and hold an RSA key, which XML encryption
/// needs. Each failure names its setting, so the operator knows exactly what to fix.
/// </summary>
internal sealed class DataProtectionKeyOptionsValidator(bool isLocal) : IValidateOptions<DataProtectionKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, DataProtectionKeyOptions options)
    {
        var failures = new List<string>();
        var setting = $"{DataProtectionKeyOptions.Section}:Certificate";
        if (string.IsNullOrWhiteSpace(options.Certificate))
        {
            if (!isLocal)
            {
                failures.Add($"{setting} is not configured. Outside Development and Testing set it to a PFX file path or base64 PFX content " +
                    $"(and {setting}Password if the PFX has one): it encrypts the Data Protection key ring, which guards bot tokens and " +
                        $"webhook secrets, in PostgreSQL.");
            }
        }
        else
        {
            Check(failures, setting, options.Certificate, options.CertificatePassword);
        }

        for (var i = 0; i < options.PreviousCertificates.Count; i++)
        {
            var previous = options.PreviousCertificates[i];
            var key = $"{DataProtectionKeyOptions.Section}:PreviousCertificates:{i}:Certificate";
            if (string.IsNullOrWhiteSpace(previous.Certificate))
            {
                failures.Add($"{key} is empty. Remove the entry or set it to the PFX of a certificate that encrypted keys before.");
                continue;
            }

            Check(failures, key, previous.Certificate, previous.Password);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string setting, string value, string? password)
    {
        try
        {
            using var certificate = CertificateSource.Load(setting, value, password);
            using var rsa = certificate.GetRSAPrivateKey();
            if (rsa is null)
            {
                failures.Add($"{setting}: the certificate must hold an RSA key (XML encryption of the key ring needs one).");
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or CryptographicException)
        {
            failures.Add(ex.Message);
        }
    }
}
