using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.TelegramSandbox.Model;
using Platform.TelegramSandbox.Time;

namespace Platform.TelegramSandbox;

/// <summary>
/// A running sandbox on a real port, for tests and the platform's local run:
/// <c>await using var sandbox = await SandboxHost.StartAsync(new() { Clock = SandboxClock.Frozen(t0) });</c>
/// then point Telegram.Bot at <see cref="BaseUrl"/>.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Root URL of the sandbox (Bot API at /bot{token}/..., control API at /sandbox/v1, chat page at /sandbox).</summary>
    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public SandboxStore Store => _app.Services.GetRequiredService<SandboxStore>();

    public SandboxClock Clock => Store.Clock;

    public static async Task<SandboxHost> StartAsync(SandboxHostOptions options, CancellationToken ct = default)
    {
        var builder = SandboxApp.CreateBuilder([], options.Clock);
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<Hosting.SandboxOptions>(o =>
        {
            if (options.StateFile is not null) o.StateFile = options.StateFile;
            options.Configure?.Invoke(o);
        });
        var app = SandboxApp.Build(builder);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
