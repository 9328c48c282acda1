using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.TelegramSandbox.Hosting;

/// <summary>
/// Scoped access tokens: <c>v1.{scope}.{mac}</c>, where mac is HMAC-SHA256 of the scope under a random key kept in the
/// sandbox's state. Stateless to check (no token list to store or leak), and one scope's token says nothing about
/// another's. A platform hands one to a merchant's browser so it sees only the bots and buyers made under that scope
/// (a store's test mode), where the global access token would show every store's chats.
/// </summary>
public static partial class SandboxScopes
{
    /// <summary>The header a scoped caller sends its token in (the chat page reads it from <c>#scope=</c>).</summary>
    public const string HeaderName = "X-Sandbox-Scope-Token";

    public const string ScopeRule = "scope must be 1-63 lowercase letters, digits or hyphens, starting with a letter or digit";

    public static bool IsValidScope(string? scope) => scope is not null && ScopeShape().IsMatch(scope);

    /// <summary>The token for <paramref name="scope"/> under <paramref name="key"/>.</summary>
    public static string Issue(byte[] key, string scope) => $"v1.{scope}.{Base64Url(Mac(key, scope))}";

    /// <summary>The scope a token names when its MAC checks out (compared in constant time); null otherwise.</summary>
    public static string? Verify(byte[] key, string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != "v1" || !IsValidScope(parts[1]))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Base64Url(Mac(key, parts[1])));
        var sent = Encoding.ASCII.GetBytes(parts[2]);
        return sent.Length == expected.Length && CryptographicOperations.FixedTimeEquals(sent, expected) ? parts[1] : null;
    }

    private static byte[] Mac(byte[] key, string scope) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("starfront-sandbox-scope:v1:" + scope));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex ScopeShape();
}
