namespace Platform.LocalPostgres;

public sealed class LocalPostgresClusterOptions
{
    /// <summary>
    /// Folder of the cluster (e.g. <c>.data/postgres</c>): holds <c>data/</c> (PGDATA), <c>postgres.log</c>, the <c>port</c> file
    /// and the socket folder. Created when missing.
    /// </summary>
    public required string DataDirectory { get; init; }

    /// <summary>TCP port on 127.0.0.1. 0 = pick a free port on first start and remember it in <c>&lt;DataDirectory&gt;/port</c>.</summary>
    public int Port { get; init; }

    /// <summary>Stop the server (<c>pg_ctl stop -m fast</c>) when the cluster object is disposed.</summary>
    public bool StopOnDispose { get; init; }

    /// <summary>fsync stays on by default: durability is a product requirement and benchmarks run against this cluster.</summary>
    public bool Fsync { get; init; } = true;

    /// <summary>
    /// Let initdb flush the new cluster to disk (default). Throwaway test clusters may turn it off to save a second or two;
    /// it does not affect the server's fsync setting.
    /// </summary>
    public bool SyncAfterInitDb { get; init; } = true;

    /// <summary>Extra server settings passed as <c>-c name=value</c>, e.g. <c>["max_connections"] = "200"</c>. Used when this call starts the server.</summary>
    public IDictionary<string, string> ServerSettings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Binaries to use; found with <see cref="PostgresBinaries.Find"/> when null.</summary>
    public PostgresBinaries? Binaries { get; init; }

    /// <summary>Upper bound for starting (initdb + pg_ctl start + first connection).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);
}
