using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Platform.Bench.Webhooks;

/// <summary>A loopback receiver answering 200 at once; records the first arrival of every webhook-id.</summary>
internal sealed class BenchReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchReceiver(WebApplication app) => _app = app;

    /// <summary>webhook-id → Stopwatch timestamp of first arrival.</summary>
    public ConcurrentDictionary<string, long> Arrivals { get; } = new();

    public long Requests;

    public string Url { get; private set; } = string.Empty;

    public static async Task<BenchReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new BenchReceiver(app);
        app.Run(async context =>
        {
            var now = Stopwatch.GetTimestamp();
            await context.Request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref receiver.Requests);
            receiver.Arrivals.TryAdd(context.Request.Headers["webhook-id"].ToString(), now);
            context.Response.StatusCode = 200;
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
