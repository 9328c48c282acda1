using System.Security.Cryptography;

namespace Platform.Core.Files;

/// <summary>
/// A read-through wrapper around an upload body: hashes every byte (SHA-256), keeps the first bytes for content
/// sniffing, counts, and throws <see cref="FileTooLargeException"/> as soon as the count passes the limit, so
/// the bytes flow straight from the socket to storage and are never held whole.
/// </summary>
internal sealed class UploadCaptureStream(Stream inner, long limit) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] head = new byte[ContentSniffer.HeadLength];
    private int headLength;

    public long BytesRead { get; private set; }

    public ReadOnlySpan<byte> Head => head.AsSpan(0, headLength);

    public string Sha256Hex() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Capture(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Capture(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Capture(ReadOnlySpan<byte> data)
    {
        BytesRead += data.Length;
        if (BytesRead > limit)
        {
            throw new FileTooLargeException(limit);
        }

        if (headLength < head.Length)
        {
            var take = Math.Min(head.Length - headLength, data.Length);
            data[..take].CopyTo(head.AsSpan(headLength));
            headLength += take;
        }

        hash.AppendData(data);
        return data.Length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
