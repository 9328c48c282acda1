using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Win32.SafeHandles;

namespace Platform.Web.Downloads;

/// <summary>
/// Zero-copy downloads on plain HTTP/1.x: the response head goes straight to the connection's socket and the body
/// follows with the kernel's sendfile (<see cref="Socket.SendPacketsAsync"/> with a file element), the way nginx
/// serves files — the bytes never enter user space, which is what made Kestrel's copy loop slower than nginx on a
/// CPU-bound box. Kestrel never sees the response, so the connection is then closed (<c>Connection: close</c>, abort).
/// Only taken when that is safe: the socket is reachable (Kestrel's socket transport), no TLS (the proxy terminates
/// it), HTTP/1.x, and this is the connection's first request (nothing of an earlier response can still be queued in
/// Kestrel's output). Otherwise the caller falls back to its copy loop. The head carries exactly the headers set by then:
/// <c>Response.OnStarting</c> callbacks never run on this path (nothing on <c>/d/</c> relies on one: it is anonymous,
/// without antiforgery, cookies or compression).
/// </summary>
public static class ZeroCopyFileSender
{
    private const int MaxChunk = 1 << 30; // SendPacketsElement takes an int count
    private static readonly TimeSpan ClientCloseWait = TimeSpan.FromMinutes(2);

    public static Socket? TryGetSocket(HttpContext http, long count, long minimumBytes)
    {
        if (count < minimumBytes || http.Request.IsHttps || http.Response.HasStarted ||
            !(HttpProtocol.IsHttp11(http.Request.Protocol) || HttpProtocol.IsHttp10(http.Request.Protocol)) ||
            !ConnectionRequestCounter.IsFirstRequestOnConnection(http))
        {
            return null;
        }

        return http.Features.Get<IConnectionSocketFeature>()?.Socket is { Connected: true } socket ? socket : null;
    }

    /// <summary>Sends the head and <paramref name="count"/> bytes of the file from <paramref name="offset"/>;
    /// <paramref name="file"/> must be opened asynchronous.</summary>
    public static async Task SendAsync(HttpContext http, Socket socket, SafeFileHandle file, long offset, long count, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(ResponseHead(http.Response, count), SocketFlags.None, cancellationToken);
            // The stream only carries the handle to SendPacketsAsync; disposing it closes the handle, which the caller
            // no longer reads (its own dispose then does nothing).
            await using var stream = new FileStream(file, FileAccess.Read, bufferSize: 1, isAsync: true);
            while (count > 0)
            {
                var chunk = (int)Math.Min(count, MaxChunk);
                await SendFileAsync(http, socket, stream, offset, chunk, cancellationToken);
                offset += chunk;
                count -= chunk;
            }

            // FIN after the last byte. Closing the connection now would be abortive (Kestrel still has a read pending,
            // so the socket is reset and queued bytes are lost): wait for the client, which closes after the body
            // it was told is the last on this connection.
            socket.Shutdown(SocketShutdown.Send);
            await Task.Delay(ClientCloseWait, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // The client went away (or, having read everything, closed before our shutdown and Kestrel disposed the
            // socket); or the file failed after the head went out. Either way nothing more can be answered.
        }
        finally
        {
            // Kestrel wrote nothing for this request and must not start now: close the connection.
            http.Abort();
        }
    }

    private static Task SendFileAsync(HttpContext http, Socket socket, FileStream file, long offset, int count, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var args = new SocketAsyncEventArgs { SendPacketsElements = [new SendPacketsElement(file, offset, count, endOfPacket: true)] };
        args.Completed += (_, e) => Complete(e, done);
        // The client went away: aborting makes Kestrel shut the socket down, which ends the pending send with an error.
        using var cancel = cancellationToken.Register(http.Abort);
        if (!socket.SendPacketsAsync(args))
        {
            Complete(args, done);
        }

        return done.Task;
    }

    private static void Complete(SocketAsyncEventArgs args, TaskCompletionSource done)
    {
        if (args.SocketError == SocketError.Success)
        {
            done.TrySetResult();
        }
        else
        {
            done.TrySetException(new SocketException((int)args.SocketError));
        }

        args.Dispose();
    }

    /// <summary>Status line and headers as the file result set them, plus what Kestrel would add.</summary>
    private static byte[] ResponseHead(HttpResponse response, long count)
    {
        response.Headers.ContentLength = count;
        response.Headers.Connection = "close";
        response.Headers.Date = DateTimeOffset.UtcNow.ToString("R");
        var head = new StringBuilder("HTTP/1.1 ").Append(response.StatusCode).Append(' ')
            .Append(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(response.StatusCode)).Append("\r\n");
        foreach (var (name, values) in response.Headers)
        {
            foreach (var value in values)
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }

        return Encoding.Latin1.GetBytes(head.Append("\r\n").ToString());
    }
}
