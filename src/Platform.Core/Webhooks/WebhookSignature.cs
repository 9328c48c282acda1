using System.Security.Cryptography;
using System.Text;

namespace Platform.Core.Webhooks;

/// <summary>Standard Webhooks signatures: <c>v1,base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}"))</c>.</summary>
public static class WebhookSignature
{
    /// <summary>One <c>v1,…</c> entry per key, space-separated (two during a rotation).</summary>
    public static string Sign(string messageId, long timestamp, ReadOnlySpan<byte> body, IReadOnlyList<byte[]> keys)
    {
        var prefix = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var parts = new string[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            parts[i] = "v1," + Convert.ToBase64String(HMACSHA256.HashData(keys[i], signed));
        }

        return string.Join(' ', parts);
    }

    /// <summary>
    /// Receiver-side check (used by the docs' example and tests): any <c>v1</c> entry matching, compared in constant time.
    /// Timestamp tolerance is the caller's business.
    /// </summary>
    public static bool Verify(string messageId, long timestamp, ReadOnlySpan<byte> body, string signatureHeader, byte[] key)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(messageId, timestamp, body, [key]));
        foreach (var candidate in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate)))
            {
                return true;
            }
        }

        return false;
    }
}
