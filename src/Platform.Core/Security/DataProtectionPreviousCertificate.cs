namespace Platform.Core.Security;

/// <summary>One entry of <c>DataProtection:PreviousCertificates</c>: a PFX file path or base64 content and its password.</summary>
public sealed class DataProtectionPreviousCertificate
{
    public string? Certificate { get; set; }

    public string? Password { get; set; }
}
