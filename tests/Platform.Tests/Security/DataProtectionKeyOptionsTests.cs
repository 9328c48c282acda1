using Platform.Core.Security;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Security;

/// <summary>The key-ring certificate settings: required outside Development and Testing, and each failure names its setting.</summary>
public sealed class DataProtectionKeyOptionsTests
{
    [Fact]
    public void Local_environments_need_no_certificate()
    {
        Assert.True(new DataProtectionKeyOptionsValidator(isLocal: true).Validate(null, new DataProtectionKeyOptions()).Succeeded);
    }

    [Fact]
    public void A_configured_certificate_with_unreadable_previous_ones_names_each_bad_entry()
    {
        var options = new DataProtectionKeyOptions
        {
            Certificate = TestCertificates.SelfSignedPfx(),
            CertificatePassword = TestCertificates.Password,
            PreviousCertificates =
            [
                new DataProtectionPreviousCertificate { Certificate = TestCertificates.SelfSignedPfx(), Password = TestCertificates.Password },
                new DataProtectionPreviousCertificate { Certificate = "not base64 and not a file" },
                new DataProtectionPreviousCertificate(),
            ],
        };

        var result = new DataProtectionKeyOptionsValidator(isLocal: false).Validate(null, options);

        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("DataProtection:PreviousCertificates:1:Certificate is neither a readable PFX",
            StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("DataProtection:PreviousCertificates:2:Certificate is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_password_is_reported_even_in_local_environments()
    {
        var options = new DataProtectionKeyOptions { Certificate = TestCertificates.SelfSignedPfx(), CertificatePassword = "wrong" };

        var failure = Assert.Single(new DataProtectionKeyOptionsValidator(isLocal: true).Validate(null, options).Failures!);

        Assert.StartsWith("DataProtection:Certificate is neither a readable PFX", failure, StringComparison.Ordinal);
    }
}
