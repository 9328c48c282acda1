using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Platform.Core.Files;

/// <summary>
/// Signed download tokens for <c>/d/{token}</c>: base64url of (tenant, order, file, expiry) followed by an
/// HMAC-SHA256 over them. Verification is constant-time; the order and download count are checked by the
/// caller against the database, so a valid token alone grants nothing after a refund.
/// </summary>
public sealed class DownloadTokens
{
    private const int PayloadLength = 16 * 3 + 8;
    private const int MacLength = 32;
    private readonly byte[] key;

    public DownloadTokens(IOptions<DownloadTokenOptions> options)
    {
        key = string.IsNullOrEmpty(options.Value.SigningKey)
            ? RandomNumberGenerator.GetBytes(32)
            : Convert.FromBase64String(options.Value.SigningKey);
        if (key.Length < 32)
        {
            throw new OptionsValidationException("Downloads", typeof(DownloadTokenOptions), ["Downloads:SigningKey must be base64 of at least 32 bytes."]);
        }
    }

    public string Create(DownloadToken token)
    {
        var buffer = new byte[PayloadLength + MacLength];
        token.TenantId.TryWriteBytes(buffer.AsSpan(0, 16));
        token.OrderId.TryWriteBytes(buffer.AsSpan(16, 16));
        token.FileId.TryWriteBytes(buffer.AsSpan(32, 16));
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(48, 8), token.ExpiresAt.ToUnixTimeSeconds());
        HMACSHA256.HashData(key, buffer.AsSpan(0, PayloadLength), buffer.AsSpan(PayloadLength));
        return Base64Url.EncodeToString(buffer);
    }

    public DownloadTokenStatus Verify(string value, DateTimeOffset now, out DownloadToken? token)
    {
        token = null;
        var buffer = new byte[PayloadLength + MacLength];
        if (value.Length > 200 || !Base64Url.IsValid(value) || !Base64Url.TryDecodeFromChars(value, buffer, out var written) || written != buffer.Length)
        {
            return DownloadTokenStatus.Tampered;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        HMACSHA256.HashData(key, buffer.AsSpan(0, PayloadLength), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, buffer.AsSpan(PayloadLength)))
        {
            return DownloadTokenStatus.Tampered;
        }

        token = new DownloadToken(
            new Guid(buffer.AsSpan(0, 16)),
            new Guid(buffer.AsSpan(16, 16)),
            new Guid(buffer.AsSpan(32, 16)),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(buffer.AsSpan(48, 8))));
        return token.ExpiresAt <= now ? DownloadTokenStatus.Expired : DownloadTokenStatus.Valid;
    }
}
