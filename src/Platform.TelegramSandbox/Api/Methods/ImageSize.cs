using System.Buffers.Binary;

namespace Platform.TelegramSandbox.Api.Methods;

/// <summary>PhotoSize needs width and height; read them from PNG or JPEG headers without an imaging library.</summary>
internal static class ImageSize
{
    public static (int Width, int Height) Read(byte[] bytes)
    {
        if (bytes.Length >= 24 && bytes[0] == 0x89 && bytes[1] == (byte)'P')
            return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        for (var i = 2; i + 9 < bytes.Length && bytes[0] == 0xFF && bytes[1] == 0xD8;)
        {
            if (bytes[i] != 0xFF) break;
            var marker = bytes[i + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 2));
            if (marker is >= 0xC0 and <= 0xC3)
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(i + 5)));
            i += 2 + length;
        }
        return (1, 1);
    }
}
