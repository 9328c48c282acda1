using Amazon.S3;
using Amazon.S3.Model;

namespace Platform.Core.Files;

/// <summary>
/// A read-only, seekable stream over an S3 object of known length. Reads come from ranged GETs whose window starts at
/// 1 MiB and doubles up to 16 MiB while reading goes on sequentially: an HTTP Range request for a few bytes fetches
/// little, a whole download takes a handful of requests. A seek drops the open GET; the next read opens one at the
/// new position. Each GET carries If-Match with the object's ETag, so an object replaced mid-read fails instead of
/// mixing two versions.
/// </summary>
internal sealed class S3ObjectStream(IAmazonS3 client, string bucket, string objectKey, long length, string? etag) : Stream
{
    private const long FirstWindow = S3StorageOptions.MiB;
    private const long MaxWindow = 16 * S3StorageOptions.MiB;
    private long position;
    private long window = FirstWindow;
    private GetObjectResponse? response;
    private long responseEnd;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty || position >= length)
        {
            return 0;
        }

        if (response is null)
        {
            var end = Math.Min(length, position + window);
            window = Math.Min(window * 2, MaxWindow);
            response = await client.GetObjectAsync(new GetObjectRequest
            {
                BucketName = bucket,
                Key = objectKey,
                ByteRange = new ByteRange(position, end - 1),
                EtagToMatch = etag,
            }, cancellationToken);
            responseEnd = end;
        }

        var read = await response.ResponseStream.ReadAsync(buffer[..(int)Math.Min(buffer.Length, responseEnd - position)], cancellationToken);
        if (read == 0)
        {
            throw new IOException("The object's body ended before the requested range.");
        }

        position += read;
        if (position == responseEnd)
        {
            Drop();
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        if (target != position)
        {
            Drop();
            position = target;
            window = FirstWindow;
        }

        return position;
    }

    private void Drop()
    {
        response?.Dispose();
        response = null;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Drop();
        }

        base.Dispose(disposing);
    }
}
