using System.Text.Unicode;

namespace Platform.Core.Files;

/// <summary>
/// The content type from the first bytes, never from the name or the client's claim (a merchant's "ebook.pdf" that
/// is really a ZIP is served as a ZIP). Unknown binary is <c>application/octet-stream</c>.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeadLength = 512;

    public const string OctetStream = "application/octet-stream";

    public static string Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            // EPUB: a ZIP whose first entry is an uncompressed "mimetype" file (OCF spec), content at offset 38.
            return head.Length >= 58 && head[30..].StartsWith("mimetypeapplication/epub+zip"u8) ? "application/epub+zip" : "application/zip";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return "video/mp4";
        }

        return LooksLikeText(head) ? "text/plain; charset=utf-8" : OctetStream;
    }

    public static bool IsImage(string contentType) => contentType is "image/png" or "image/jpeg" or "image/gif";

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return false;
        }

        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                return false;
            }
        }

        // The head may end inside a multi-byte character: allow an incomplete tail of up to 3 bytes.
        for (var cut = 0; cut <= 3 && cut < head.Length; cut++)
        {
            if (Utf8.IsValid(head[..^cut]))
            {
                return true;
            }
        }

        return false;
    }
}
