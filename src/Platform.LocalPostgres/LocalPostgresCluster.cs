using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.LocalPostgres;

/// <summary>
/// A private PostgreSQL cluster for local runs and tests: <c>initdb</c> on first use, reused afterwards, listening only on
/// 127.0.0.1 with trust authentication. When the process runs as root the binaries run as the <c>postgres</c> OS user.
/// </summary>
public sealed partial class LocalPostgresCluster : IAsyncDisposable
{
    public const string Superuser = "postgres";
    public const string RelocatedRoot = "/var/tmp/starfront-postgres";
    public const string PointerFileName = "CLUSTER-LOCATION.txt";
    private const string OsUser = "postgres";

    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);

    private readonly PostgresBinaries _binaries;
    private readonly bool _asRoot;
    private readonly bool _stopOnDispose;
    private readonly ILogger _logger;
    private int _disposed;

    private LocalPostgresCluster(string clusterDirectory, int port, PostgresBinaries binaries, bool asRoot, bool stopOnDispose, bool startedHere,
        ILogger logger)
    {
        ClusterDirectory = clusterDirectory;
        Port = port;
        _binaries = binaries;
        _asRoot = asRoot;
        _stopOnDispose = stopOnDispose;
        StartedByThisCall = startedHere;
        _logger = logger;
    }

    [SuppressMessage("Performance", "CA1822", Justification = "Read next to Port as the address of this cluster (cluster.Host).")]
    public string Host => "127.0.0.1";
    public int Port { get; }

    /// <summary>Where the cluster actually lives: the requested folder, or a folder under <see cref="RelocatedRoot"/> (root only).</summary>
    public string ClusterDirectory { get; }
    public string DataDirectory => Path.Combine(ClusterDirectory, "data");
    public string LogFile => Path.Combine(ClusterDirectory, "postgres.log");

    /// <summary>The binaries this cluster runs.</summary>
    public PostgresBinaries Binaries => _binaries;

    /// <summary>True when the binaries run as the <c>postgres</c> OS user (the process runs as root).</summary>
    public bool RunsAsPostgresOsUser => _asRoot;

    /// <summary>True when this <see cref="StartAsync"/> started the server, false when it was already running.</summary>
    public bool StartedByThisCall { get; }

    public string SuperuserConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Username = Superuser,
            Database = database,
            IncludeErrorDetail = true,
        }.ConnectionString;

    public Task<LocalDatabase> EnsureDatabaseAsync(string name, string? template, CancellationToken ct) =>
        DatabaseProvisioner.EnsureDatabaseAsync(SuperuserConnectionString(), name, template, rolePassword: null, ct);

    public Task DropDatabaseAsync(string name, CancellationToken ct) =>
        DatabaseProvisioner.DropDatabaseAsync(SuperuserConnectionString(), name, ct);

    public static async Task<LocalPostgresCluster> StartAsync(LocalPostgresClusterOptions options, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            throw new ArgumentException("DataDirectory is required.", nameof(options));
        if (options.Port is < 0 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(options), "Port must be 0..65535.");
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("The local PostgreSQL cluster supports Linux and macOS. Set ConnectionStrings:Platform instead.");

        using var startCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        startCts.CancelAfter(options.StartTimeout);
        try
        {
            return await StartCoreAsync(options, logger, startCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Starting the local PostgreSQL cluster in {options.DataDirectory} took longer " +
                    $"than {options.StartTimeout.TotalSeconds:0}s (see postgres.log there).");
        }
    }

    private static async Task<LocalPostgresCluster> StartCoreAsync(LocalPostgresClusterOptions options, ILogger logger, CancellationToken token)
    {
        var binaries = options.Binaries ?? PostgresBinaries.Find();
        var requested = Path.GetFullPath(options.DataDirectory);
        var asRoot = await IsRootAsync(token).ConfigureAwait(false);

        var root = requested;
        if (asRoot)
        {
            await EnsureOsUserAsync(token).ConfigureAwait(false);
            var blocker = await FindUntraversableAncestorAsync(requested, token).ConfigureAwait(false);
            if (blocker is not null)
            {
                root = Path.Combine(RelocatedRoot, ShortHash(requested));
                Directory.CreateDirectory(requested);
                await File.WriteAllTextAsync(Path.Combine(requested, PointerFileName),
                    $"The PostgreSQL cluster for this folder lives in {root}\n" +
                    $"(the '{OsUser}' OS user cannot traverse {blocker}, and the server runs as '{OsUser}' because the app runs as root).\n",
                    token).ConfigureAwait(false);
                logger.LogWarning(
                    "PostgreSQL cluster placed in {ClusterDirectory} instead of {Requested}: the '{OsUser}' user cannot traverse {Blocker}",
                    root, requested, OsUser, blocker);
            }
        }

        Directory.CreateDirectory(root);
        if (asRoot)
            await RunAsync("chown", ["-R", $"{OsUser}:", root], ShortTimeout, token).ConfigureAwait(false);

        // Several processes (web + worker, parallel test hosts) may start the same cluster at once.
        await using var startLock = await AcquireLockAsync(Path.Combine(root, ".start.lock"), token).ConfigureAwait(false);

        var probe = new LocalPostgresCluster(root, 0, binaries, asRoot, false, false, logger);
        var dataDir = probe.DataDirectory;

        if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
        {
            if (Directory.Exists(dataDir) && Directory.EnumerateFileSystemEntries(dataDir).Any())
                throw new InvalidOperationException($"{dataDir} is not empty but is not a PostgreSQL data directory; move it away and retry.");
            logger.LogInformation("Initialising a new PostgreSQL cluster in {DataDirectory}", dataDir);
            await probe.RunPgAsync(binaries.InitDb,
                ["-D", dataDir, "-A", "trust", "-U", Superuser, "--encoding=UTF8", "--no-locale",
                    .. (options.SyncAfterInitDb ? Array.Empty<string>() : ["--no-sync"])],
                options.StartTimeout, token).ConfigureAwait(false);
        }

        int port;
        bool startedHere;
        if (await probe.IsRunningAsync(token).ConfigureAwait(false) && ReadPidFilePort(dataDir) is { } runningPort)
        {
            port = runningPort;
            startedHere = false;
            logger.LogInformation("Reusing the running PostgreSQL cluster in {DataDirectory} on port {Port}", dataDir, port);
        }
        else
        {
            port = ChoosePort(root, options.Port, logger);
            await File.WriteAllTextAsync(Path.Combine(root, "port"), port.ToString(CultureInfo.InvariantCulture) + "\n", token).ConfigureAwait(false);
            await probe.StartServerAsync(port, options, token).ConfigureAwait(false);
            startedHere = true;
            logger.LogInformation("Started PostgreSQL in {DataDirectory} on 127.0.0.1:{Port} (log: {LogFile})", dataDir, port, probe.LogFile);
        }

        var cluster = new LocalPostgresCluster(root, port, binaries, asRoot, options.StopOnDispose, startedHere, logger);
        await cluster.WaitForConnectionAsync(token).ConfigureAwait(false);
        return cluster;
    }

    /// <summary>Stops the server (<c>pg_ctl stop -m fast</c>) if it is running.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        NpgsqlConnection.ClearAllPools();
        if (!await IsRunningAsync(ct).ConfigureAwait(false))
            return;
        await RunPgAsync(_binaries.PgCtl, ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], StopTimeout, ct).ConfigureAwait(false);
        _logger.LogInformation("Stopped PostgreSQL in {DataDirectory}", DataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || !_stopOnDispose)
            return;
        try
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ExternalProcessException or IOException)
        {
            _logger.LogWarning(ex, "Could not stop PostgreSQL in {DataDirectory}", DataDirectory);
        }
    }

    /// <summary>True when <c>pg_ctl status</c> reports a running server for this data directory.</summary>
    public async Task<bool> IsRunningAsync(CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            return false;
        // pg_ctl status: 0 = running, 3 = not running, 4 = no accessible data directory.
        var result = await RunPgAsync(_binaries.PgCtl, ["-D", DataDirectory, "status"], ShortTimeout, ct, allowedExitCodes: [3, 4]).ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    private async Task StartServerAsync(int port, LocalPostgresClusterOptions options, CancellationToken ct)
    {
        var socketDir = Path.Combine(ClusterDirectory, "run");
        if (socketDir.Length > 80) // sun_path is ~107 bytes including "/.s.PGSQL.<port>"
            socketDir = Path.Combine(Path.GetTempPath(), "starfront-pg-" + ShortHash(ClusterDirectory));
        Directory.CreateDirectory(socketDir);
        if (_asRoot)
            await RunAsync("chown", [$"{OsUser}:", socketDir], ShortTimeout, ct).ConfigureAwait(false);

        var settings = new List<KeyValuePair<string, string>>
        {
            new("listen_addresses", "127.0.0.1"),
            new("fsync", options.Fsync ? "on" : "off"),
        };
        settings.AddRange(options.ServerSettings);

        var serverOptions = new StringBuilder()
            .Append("-p ").Append(port.ToString(CultureInfo.InvariantCulture))
            .Append(" -k ").Append(ShellQuote(socketDir));
        foreach (var (name, value) in settings)
        {
            if (!SettingNamePattern().IsMatch(name))
                throw new ArgumentException($"'{name}' is not a valid PostgreSQL setting name.", nameof(options));
            serverOptions.Append(" -c ").Append(ShellQuote($"{name}={value}"));
        }

        try
        {
            await RunPgAsync(_binaries.PgCtl,
                ["-D", DataDirectory, "-l", LogFile, "-o", serverOptions.ToString(), "-w", "-t", "60", "start"],
                TimeSpan.FromSeconds(90), ct).ConfigureAwait(false);
        }
        catch (ExternalProcessException ex)
        {
            throw new ExternalProcessException($"{ex.Message}\n--- last lines of {LogFile} ---\n{TailOfLog(40)}");
        }
    }

    private async Task WaitForConnectionAsync(CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(SuperuserConnectionString()) { Pooling = false, Timeout = 5 };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var c = new NpgsqlConnection(b.ConnectionString);
                await c.OpenAsync(ct).ConfigureAwait(false);
                await using var cmd = new NpgsqlCommand("SELECT 1", c);
                await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException && attempt < 40 && !ct.IsCancellationRequested)
            {
                await Task.Delay(250, ct).ConfigureAwait(false);
            }
        }
    }

    private Task<ProcessResult> RunPgAsync(string exe, IReadOnlyList<string> args, TimeSpan timeout, CancellationToken ct,
        IReadOnlyCollection<int>? allowedExitCodes = null) =>
        _asRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", OsUser, "--", exe, .. args], timeout, ct, ClusterDirectory, allowedExitCodes)
            : ProcessRunner.RunAsync(exe, args, timeout, ct, ClusterDirectory, allowedExitCodes);

    private static Task<ProcessResult> RunAsync(string exe, IReadOnlyList<string> args, TimeSpan timeout, CancellationToken ct,
        IReadOnlyCollection<int>? allowedExitCodes = null) =>
        ProcessRunner.RunAsync(exe, args, timeout, ct, null, allowedExitCodes);

    private static async Task<bool> IsRootAsync(CancellationToken ct)
    {
        if (Environment.UserName == "root")
            return true;
        var id = await RunAsync("id", ["-u"], ShortTimeout, ct).ConfigureAwait(false);
        return id.StandardOutput.Trim() == "0";
    }

    private static async Task EnsureOsUserAsync(CancellationToken ct)
    {
        var exists = await RunAsync("id", ["-u", OsUser], ShortTimeout, ct, allowedExitCodes: [1]).ConfigureAwait(false);
        if (exists.ExitCode == 0)
            return;
        try
        {
            await RunAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OsUser], ShortTimeout, ct).ConfigureAwait(false);
        }
        catch (ExternalProcessException ex)
        {
            throw new InvalidOperationException(
                $"Running as root, PostgreSQL must run as the OS user '{OsUser}', which does not exist and could not be created " +
                $"(useradd --system --no-create-home {OsUser}). Create it, run as a normal user, or set ConnectionStrings:Platform.\n{ex.Message}", ex);
        }
    }

    /// <summary>First existing ancestor of the folder that the postgres OS user cannot traverse; null when all are fine.</summary>
    private static async Task<string?> FindUntraversableAncestorAsync(string path, CancellationToken ct)
    {
        if (OperatingSystem.IsWindows())
            return null;
        // The folder itself is chowned to postgres, so only its ancestors matter.
        var chain = new List<string>();
        for (var d = new DirectoryInfo(path).Parent; d is not null; d = d.Parent)
            chain.Add(d.FullName);
        chain.Reverse(); // "/" first

        foreach (var dir in chain)
        {
            if (!Directory.Exists(dir))
                break; // what we create ourselves gets mode 755 and is chowned to postgres
            if ((File.GetUnixFileMode(dir) & UnixFileMode.OtherExecute) != 0)
                continue;
            // Not traversable by "others": the postgres user may still be the owner or in the group.
            var check = await RunAsync("runuser", ["-u", OsUser, "--", "test", "-x", dir], ShortTimeout, ct, allowedExitCodes: [1]).ConfigureAwait(false);
            if (check.ExitCode != 0)
                return dir;
        }
        return null;
    }

    private static int ChoosePort(string root, int requestedPort, ILogger logger)
    {
        if (requestedPort != 0)
            return requestedPort;
        var portFile = Path.Combine(root, "port");
        if (File.Exists(portFile) && int.TryParse(File.ReadAllText(portFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var saved)
            && saved is > 0 and < 65536)
        {
            if (IsPortFree(saved))
                return saved;
            logger.LogWarning("Port {Port} remembered in {PortFile} is in use by something else; picking a new port", saved, portFile);
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Line 4 of postmaster.pid is the port of the running server.</summary>
    private static int? ReadPidFilePort(string dataDir)
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(dataDir, "postmaster.pid"));
            return lines.Length >= 4 && int.TryParse(lines[3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, ct).ConfigureAwait(false);
            }
        }
    }

    private string TailOfLog(int lines)
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(lines));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"(could not read the log: {ex.Message})";
        }
    }

    internal static string ShortHash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    [GeneratedRegex("^[a-z_][a-z0-9_.]*$")]
    private static partial Regex SettingNamePattern();
}
