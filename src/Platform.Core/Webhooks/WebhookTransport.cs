using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.Core.Webhooks;

/// <summary>
/// The one HTTP client of webhook delivery (a singleton, so connections to an endpoint are pooled). Redirects are
/// not followed, the address is re-checked on every connect (after DNS, so rebinding cannot reach a private
/// address), requests time out, and at most <see cref="WebhookOptions.MaxResponseBytes"/> of a response are read.
/// </summary>
public sealed class WebhookTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _client;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _clock;

    public WebhookTransport(WebhookAddressPolicy policy, IOptions<WebhookOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2), // re-resolve DNS now and then
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Starfront-Webhooks/1.0");
    }

    public async Task<WebhookResponse> PostAsync(
        string url, byte[] body, string messageId, long timestamp, string signature, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.TryAddWithoutValidation("webhook-id", messageId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", signature);

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            var error = status is >= 300 and < 400
                ? $"Redirects are not followed (Location: {Truncate(response.Headers.Location?.ToString(), 200)})."
                : null;
            string? excerpt = null;
            try
            {
                excerpt = await ReadExcerptAsync(response, linked.Token);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException
                && !cancellationToken.IsCancellationRequested))
            {
                // The status line decides success; a body cut short or too slow only costs the log its excerpt.
                error ??= Truncate($"The response body could not be read: {ex.Message}", WebhookAttempt.ErrorMaxLength);
            }
            return new WebhookResponse(status, excerpt, error, RetryAfter(response), Elapsed(started));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new WebhookResponse(null, null, $"Timed out after {_options.RequestTimeout.TotalSeconds:0.#} s.", null, Elapsed(started));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Connection refused, reset while reading, TLS failure, refused address…: an attempt that failed, never a
            // crashed batch (which would leave the whole batch unrecorded and re-sent after the claim lease).
            var message = ex.InnerException is WebhookAddressRefusedException refused ? refused.Message : ex.Message;
            return new WebhookResponse(null, null, Truncate(message, WebhookAttempt.ErrorMaxLength), null, Elapsed(started));
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<string?> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Read at most MaxResponseBytes (draining small bodies lets the connection be reused); keep the first 1 KB.
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(_options.MaxResponseBytes, 16 * 1024)];
        var kept = new byte[WebhookAttempt.ExcerptMaxLength];
        int keptLength = 0, total = 0, read;
        while (total < _options.MaxResponseBytes
            && (read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, _options.MaxResponseBytes - total)), cancellationToken)) > 0)
        {
            var copy = Math.Min(read, kept.Length - keptLength);
            buffer.AsSpan(0, copy).CopyTo(kept.AsSpan(keptLength));
            keptLength += copy;
            total += read;
        }

        return keptLength == 0 ? null : Encoding.UTF8.GetString(kept, 0, keptLength);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _clock.GetUtcNow(),
            _ => null,
        };
    }

    private static async ValueTask<Stream> ConnectAsync(WebhookAddressPolicy policy, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(policy.IsAllowed).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException(
                $"{endpoint.Host} resolves to an address webhooks may not reach (private, loopback, link-local or metadata).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static int Elapsed(long started) => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
