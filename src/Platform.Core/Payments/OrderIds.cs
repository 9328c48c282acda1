using System.Security.Cryptography;

namespace Platform.Core.Payments;

/// <summary>
/// Order ids derived from the update that pressed Buy, so re-running that update finds the same order instead of
/// making a second one. The id is also the invoice payload (32 hex digits).
/// </summary>
public static class OrderIds
{
    public static Guid FromUpdate(Guid botId, long updateId)
    {
        Span<byte> input = stackalloc byte[24];
        botId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], updateId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return new Guid(hash[..16]);
    }

    public static string ToPayload(Guid orderId) => orderId.ToString("N");

    public static Guid? FromPayload(string? payload) => Guid.TryParseExact(payload, "N", out var id) ? id : null;
}
