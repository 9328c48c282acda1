using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Tests.Webhooks;

/// <summary>
/// A real HTTP receiver on 127.0.0.1:0 (Kestrel) that records every request and answers as <see cref="Reply"/> says:
/// fail N times, 410, 429 with Retry-After, a redirect, or hang until released.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    /// <summary>Given the 0-based index of the request, what to answer. Default: 200.</summary>
    public Func<int, ReceiverReply> Reply { get; set; } = _ => ReceiverReply.Ok;

    public string BaseUrl { get; private set; } = string.Empty;

    public string Url(string path = "/hook") => BaseUrl + path;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    /// <summary>Lets hanging requests (<see cref="ReceiverReply.Hang"/>) finish.</summary>
    public void Release() => _release.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var index = Interlocked.Increment(ref _count) - 1;
        Requests.Enqueue(new ReceivedWebhook(
            context.Request.Path, context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body, DateTimeOffset.UtcNow));
        var reply = Reply(index);
        if (reply.Hang)
        {
            await Task.WhenAny(_release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
        }

        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, context.RequestAborted); // a slow receiver: real network time, not the app's clock
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? [])
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(reply.Body);
    }
}
