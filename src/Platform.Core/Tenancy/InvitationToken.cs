using System.Security.Cryptography;
using System.Text;

namespace Platform.Core.Tenancy;

/// <summary>
/// Invitation link secrets: 32 random bytes, URL-safe base64 in the link; only the SHA-256 (hex) is
/// stored, so someone reading the database cannot accept an invitation.
/// </summary>
public static class InvitationToken
{
    /// <summary>Invitations are valid this long; after that the owner sends a new one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Cheap shape check so absurd input never reaches the database.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
