using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Platform.TelegramSandbox.Hosting;

/// <summary>
/// The gate of the development tools that can do anything to anyone (the sandbox's control API, the platform's
/// <c>/dev/emails</c>): a request from this machine (loopback, or no IP at all — in-process or a Unix socket) passes;
/// from elsewhere only with <c>Sandbox:AccessToken</c> configured and sent in <see cref="HeaderName"/>, compared in
/// constant time. With no token configured nothing but this machine gets in.
/// </summary>
public static class LocalOnlyAccess
{
    public const string HeaderName = "X-Sandbox-Access-Token";

    /// <summary>Shortest token accepted: a guessable token would open every account's reset links.</summary>
    public const int MinimumTokenLength = 16;

    public const string TokenRule = "Sandbox:AccessToken must be empty (this machine only) or at least 16 characters.";

    public static bool IsValidToken(string? token) => string.IsNullOrEmpty(token) || token.Length >= MinimumTokenLength;

    public static bool IsAllowed(HttpContext http, string? accessToken)
    {
        if (http.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote))
        {
            return true;
        }

        if (string.IsNullOrEmpty(accessToken) || http.Request.Headers[HeaderName].ToString() is not { Length: > 0 } sent)
        {
            return false;
        }

        // Hashes first: equal lengths, so the comparison's time says nothing about the token's length either.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(accessToken)));
    }
}
