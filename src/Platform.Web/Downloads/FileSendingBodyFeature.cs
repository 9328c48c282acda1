using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Platform.Web.Downloads;

/// <summary>
/// Replaces the response's file-sending path for <c>/d/</c>. Kestrel has no zero-copy sendfile, and its fallback
/// copies with 16 KB asynchronous FileStream reads — a thread-pool hop per 16 KB, which halved throughput against
/// nginx in the benchmark. Here: 64 KB positional reads (synchronous; served from the page cache for hot files)
/// written straight to the response pipe, which applies back-pressure, so memory per download stays one buffer.
/// Range, ETag, 304 and 416 are still decided by ASP.NET Core's file result; only the byte copy changes.
/// </summary>
public sealed class FileSendingBodyFeature(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
{
    private const int ChunkSize = 64 * 1024;

    public Stream Stream => inner.Stream;

    public PipeWriter Writer => inner.Writer;

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task CompleteAsync() => inner.CompleteAsync();

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var remaining = count ?? RandomAccess.GetLength(handle) - offset;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            await inner.StartAsync(cancellationToken);
            while (remaining > 0)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, remaining)), offset);
                if (read == 0)
                {
                    throw new IOException($"The file ended {remaining} bytes early.");
                }

                var flush = await inner.Writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                if (flush.IsCanceled || flush.IsCompleted)
                {
                    return; // the client went away
                }

                offset += read;
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
