using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Platform.TelegramSandbox.Tests.Infrastructure;

/// <summary>A real HTTP endpoint on a loopback port that records webhook calls and answers as told.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<Received> _received = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed record Received(Update Update, string? SecretHeader, int AnsweredWith);

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Status to answer for the n-th request (0-based); 200 by default.</summary>
    public Func<int, int> Respond { get; set; } = _ => 200;

    /// <summary>How long to hold the n-th request before answering (to test timeouts and concurrency).</summary>
    public Func<int, TimeSpan> Delay { get; set; } = _ => TimeSpan.Zero;

    /// <summary>Optional JSON body to answer with (a Bot API call, as Telegram allows).</summary>
    public Func<Update, object?> ReplyBody { get; set; } = _ => null;

    private int _inFlight;

    /// <summary>The most requests that were being handled at the same time.</summary>
    public int MaxInFlight { get; private set; }

    public string Url { get; private set; } = "";

    public IReadOnlyList<Received> Requests { get { lock (_received) return [.. _received]; } }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            var update = (await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options))!;
            int status, index;
            TimeSpan delay;
            lock (receiver._received)
            {
                index = receiver._received.Count + receiver._inFlight++;
                receiver.MaxInFlight = Math.Max(receiver.MaxInFlight, receiver._inFlight);
                delay = receiver.Delay(index);
            }
            await Task.Delay(delay); // simulating a slow bot, not waiting for sandbox time
            lock (receiver._received)
            {
                receiver._inFlight--;
                status = receiver.Respond(index);
                receiver._received.Add(new Received(update, http.Request.Headers["X-Telegram-Bot-Api-Secret-Token"].FirstOrDefault(), status));
                Interlocked.Exchange(ref receiver._changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
            return receiver.ReplyBody(update) is { } reply && status == 200 ? Results.Json(reply) : Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>Waits (network time, capped) until at least <paramref name="count"/> requests arrived.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, int timeoutSeconds = 10)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            Task changed;
            lock (_received)
            {
                if (_received.Count >= count) return [.. _received];
                changed = _changed.Task;
            }
            var left = giveUp - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"expected {count} webhook requests, got {Requests.Count}");
            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
