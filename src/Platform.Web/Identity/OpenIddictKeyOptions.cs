namespace Platform.Web.Identity;

/// <summary>
/// Signing and encryption certificates of the OpenID Connect server (section <c>OpenIddict</c>). Each
/// certificate is a PFX given as a file path or as base64 content. Required outside Development and Testing,
/// where throwaway development certificates are used instead.
/// </summary>
public sealed class OpenIddictKeyOptions
{
    public const string Section = "OpenIddict";

    public string? SigningCertificate { get; set; }
    public string? SigningCertificatePassword { get; set; }
    public string? EncryptionCertificate { get; set; }
    public string? EncryptionCertificatePassword { get; set; }

    /// <summary>Optional public issuer (e.g. https://starfront.example) when the app runs behind a proxy.</summary>
    public Uri? Issuer { get; set; }
}
