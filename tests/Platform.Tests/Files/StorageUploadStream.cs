namespace Platform.Tests.Files;

/// <summary>
/// An upload as the storage sees it from a request body: forward-only, no length, reads of uneven sizes; optionally
/// failing (or cancelling the write) once <c>failAt</c> bytes have been handed out, like a client that drops midway.
/// </summary>
public sealed class StorageUploadStream(byte[] content, long failAt = long.MaxValue, CancellationTokenSource? cancelAtFailure = null) : Stream
{
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position >= failAt)
        {
            if (cancelAtFailure is not null)
            {
                cancelAtFailure.Cancel();
                throw new OperationCanceledException(cancelAtFailure.Token);
            }

            throw new IOException("The client went away midway through the upload.");
        }

        // Uneven read sizes, never past the failure point.
        var take = (int)Math.Min(Math.Min(buffer.Length, 70_001), Math.Min(content.Length - position, failAt - position));
        content.AsSpan((int)position, take).CopyTo(buffer);
        position += take;
        return take;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
