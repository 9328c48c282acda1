using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Platform.Core.Security;

namespace Platform.Web.Identity;

/// <summary>
/// Adds the configured certificates to the server when the options are first needed (not at registration),
/// so `migrate` and other commands run without them and the validator reports a missing one on start.
/// </summary>
internal sealed class ConfigureServerKeys(IOptions<OpenIddictKeyOptions> keys, bool isLocal) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        var settings = keys.Value;
        if (settings.Issuer is not null)
        {
            options.Issuer = settings.Issuer;
        }

        if (isLocal)
        {
            return; // development certificates were added at registration
        }

        var signing = CertificateSource.Load("OpenIddict:SigningCertificate", settings.SigningCertificate!, settings.SigningCertificatePassword);
        options.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(signing), SecurityAlgorithms.RsaSha256));

        var encryption = CertificateSource.Load("OpenIddict:EncryptionCertificate", settings.EncryptionCertificate!, settings.EncryptionCertificatePassword);
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            new X509SecurityKey(encryption), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
