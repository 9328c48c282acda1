using Microsoft.Extensions.Options;
using Platform.Core.Security;

namespace Platform.Web.Identity;

/// <summary>
/// Outside Development and Testing both certificates must be configured and loadable; the failure message
/// names the missing setting so an operator knows exactly what to set.
/// </summary>
internal sealed class OpenIddictKeyOptionsValidator(bool isLocal) : IValidateOptions<OpenIddictKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenIddictKeyOptions options)
    {
        if (isLocal)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        Check(failures, "SigningCertificate", options.SigningCertificate, options.SigningCertificatePassword);
        Check(failures, "EncryptionCertificate", options.EncryptionCertificate, options.EncryptionCertificatePassword);
        if (options.Issuer is { IsAbsoluteUri: false })
        {
            failures.Add($"{OpenIddictKeyOptions.Section}:Issuer must be an absolute URI.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, string? value, string? password)
    {
        var setting = $"{OpenIddictKeyOptions.Section}:{key}";
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{setting} is not configured. Outside Development and Testing set it to a PFX file path or base64 PFX content " +
                $"(and {setting}Password if the PFX has one).");
            return;
        }

        try
        {
            using var certificate = CertificateSource.Load(setting, value, password);
        }
        catch (InvalidOperationException ex)
        {
            failures.Add(ex.Message);
        }
    }
}
