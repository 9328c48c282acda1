using System.Collections.Concurrent;

namespace Platform.TelegramSandbox.Tests.Infrastructure;

/// <summary>Keeps the raw JSON of every Bot API response, so conformance tests can inspect exactly what the sandbox sent.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler { UseProxy = false })
{
    public ConcurrentQueue<(string Method, string Body)> Responses { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/file/", StringComparison.Ordinal))
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            Responses.Enqueue((path[(path.LastIndexOf('/') + 1)..], await response.Content.ReadAsStringAsync(cancellationToken)));
        }
        return response;
    }
}
