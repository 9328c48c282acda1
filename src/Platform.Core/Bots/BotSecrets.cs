using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Platform.Core.Bots;

/// <summary>
/// Bot tokens and webhook secrets at rest: Data Protection with the key ring shared by web and workers
/// (persisted in PostgreSQL). Plain values exist only in memory and are never logged.
/// </summary>
public sealed class BotSecrets(IDataProtectionProvider provider)
{
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private readonly IDataProtector protector = provider.CreateProtector("Starfront.Bots.v1");

    public string Protect(string value) => protector.Protect(value);

    public string Unprotect(string ciphertext) => protector.Unprotect(ciphertext);

    /// <summary>Telegram allows 1–256 characters of A-Za-z0-9_-; 48 random ones carry ~286 bits.</summary>
    public static string NewWebhookSecret() => RandomNumberGenerator.GetString(SecretAlphabet, 48);

    /// <summary>Constant time for equal lengths; a length mismatch is not secret (the length is fixed).</summary>
    public static bool SecretMatches(byte[] expected, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(presented));
}
