using Platform.Core.Data.Local;

namespace Platform.Web.LocalRun;

/// <summary>
/// Stops the local run's PostgreSQL cluster when the app stops. Registered before every other hosted
/// service, so it stops last — after the job server and the web server have let go of their connections.
/// </summary>
public sealed class LocalClusterShutdown(LocalPostgresCluster cluster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await cluster.DisposeAsync();
}
