using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Platform.Core.Webhooks;

/// <summary>
/// Generates endpoint secrets (<c>whsec_</c> + base64 of 32 random bytes) and keeps them encrypted at rest with
/// Data Protection, whose key ring is shared by the web app and the workers.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider dataProtection)
{
    public const string Prefix = "whsec_";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Starfront.Webhooks.EndpointSecret.v1");

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>The HMAC key: the base64 after the prefix, decoded (as the Standard Webhooks libraries do).</summary>
    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
}
