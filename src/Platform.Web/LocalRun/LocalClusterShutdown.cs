using Platform.LocalPostgres;

namespace Platform.Web.LocalRun;

/// <summary>
/// Stops the local run's PostgreSQL cluster last of all: not when the hosted services stop but when the container
/// disposes this object. Registered (and so created) before every other hosted service, it is disposed after every
/// service created later — the job server, the inbox listener (<c>InboxSignals</c>, which listens on its own
/// connection until it is disposed), the webhook pump — so none of them sees the server go away under it (Ctrl+C used to
/// print the listener's "terminating connection due to administrator command" stack trace).
/// </summary>
public sealed class LocalClusterShutdown(LocalPostgresCluster cluster) : IHostedService, IAsyncDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync() => await cluster.DisposeAsync();
}
