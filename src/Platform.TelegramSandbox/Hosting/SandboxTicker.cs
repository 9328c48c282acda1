using Microsoft.Extensions.Options;
using Platform.TelegramSandbox.Model;

namespace Platform.TelegramSandbox.Hosting;

/// <summary>
/// Once a second (real time): when the sandbox clock follows real time, run whatever became due;
/// when a state file is configured, save changes. A frozen (test) clock only moves through the control API.
/// </summary>
internal sealed class SandboxTicker(SandboxStore store, IOptions<SandboxOptions> options, ILogger<SandboxTicker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!store.Clock.IsFrozen) DueEvents.RunDue(store);
                await SaveAsync(CancellationToken.None); // a half-written save is worse than a late stop
            }
        }
        catch (OperationCanceledException) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SaveAsync(CancellationToken.None);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        if (options.Value.StateFile is not { Length: > 0 } path) return;
        try { await StateFile.SaveAsync(store, path, ct); }
        catch (IOException e) { logger.LogWarning(e, "Could not save sandbox state to {Path}", path); }
    }
}
