using Platform.TelegramSandbox;

namespace Platform.Web.LocalRun;

/// <summary>Stops the in-process sandbox (which saves its state file) when the local run stops.</summary>
public sealed class LocalSandboxShutdown(SandboxHost sandbox) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await sandbox.DisposeAsync();
}
