namespace Platform.Core.Security;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest in PostgreSQL (section <c>DataProtection</c>).
/// The ring decrypts every bot token and webhook secret, so a database dump without this certificate reveals none
/// of them. Required outside Development and Testing. Each certificate is a PFX given as a file path or base64
/// content, like the OpenID Connect server's (<c>OpenIddict:SigningCertificate</c>).
/// </summary>
public sealed class DataProtectionKeyOptions
{
    public const string Section = "DataProtection";

    /// <summary>Encrypts new keys and decrypts keys it encrypted.</summary>
    public string? Certificate { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Certificates rotated out: they decrypt the keys written while they were current. An expired key stays in the
    /// ring to unprotect what it protected (a bot token lives for years), so keep a certificate here for as long as keys
    /// it encrypted remain.
    /// </summary>
    public List<DataProtectionPreviousCertificate> PreviousCertificates { get; set; } = [];
}
