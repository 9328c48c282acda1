using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.LocalPostgres;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of a test run. By default one private cluster per test process, started on first use in a fresh
/// <c>/tmp/starfront-tests-&lt;random&gt;</c> folder and stopped and deleted when the process exits. When the environment
/// variable <c>PLATFORM_TEST_DATABASE</c> holds a superuser connection string, that server is used instead.
/// Each test gets its own database, copied from a template prepared once per run by <see cref="PrepareTemplate"/>.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification =
    "SemaphoreSlim needs disposing only once its AvailableWaitHandle is used, which this never does; "
    + "the instance lives as long as the process (one per test run).")]
public sealed class TestPostgres
{
    public const string ExternalServerVariable = "PLATFORM_TEST_DATABASE";
    public const string RolePasswordVariable = "PLATFORM_TEST_ROLE_PASSWORD";
    public const string TemplateName = "starfront_template";

    private static readonly Lazy<TestPostgres> LazyInstance =
        new(() => new TestPostgres(TestPostgresServer.Shared, TemplateName, () => PrepareTemplate), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly TestPostgresServer _server;
    private readonly string _templateBaseName;
    private readonly Func<Func<LocalDatabase, CancellationToken, Task>?> _prepare;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LocalDatabase? _template;
    private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _templateFailure;

    internal TestPostgres(TestPostgresServer server, string templateName, Func<Func<LocalDatabase, CancellationToken, Task>?> prepare)
    {
        _server = server;
        _templateBaseName = templateName;
        _prepare = prepare;
    }

    /// <summary>The run-wide instance.</summary>
    public static TestPostgres Instance => LazyInstance.Value;

    /// <summary>
    /// Prepares the template database once per run (e.g. runs the migrations with <see cref="LocalDatabase.OwnerConnectionString"/>).
    /// Set it before the first <see cref="CreateDatabaseAsync"/>; null leaves the template empty (roles and grants only).
    /// </summary>
    public static Func<LocalDatabase, CancellationToken, Task>? PrepareTemplate { get; set; }

    /// <summary>Superuser connection string of the server in use (starts the cluster if needed).</summary>
    public async Task<string> SuperuserConnectionStringAsync(CancellationToken ct = default) =>
        (await _server.GetAsync(ct).ConfigureAwait(false)).SuperuserConnectionString;

    /// <summary>Creates a uniquely named database (<c>&lt;prefix&gt;_&lt;random&gt;</c>) copied from the prepared template.</summary>
    public async Task<LocalDatabase> CreateDatabaseAsync(string prefix, CancellationToken ct = default)
    {
        var server = await _server.GetAsync(ct).ConfigureAwait(false);
        var name = UniqueName(prefix);

        // Serialised: CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template,
        // and preparing the template must happen exactly once.
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _templateFailure?.Throw(); // a failed preparation (e.g. a broken migration) is not retried for every test
            LocalDatabase template;
            try
            {
                template = _template ??= await PrepareTemplateDatabaseAsync(server, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _templateFailure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(
                    new InvalidOperationException($"Preparing the test template database failed: {ex.Message}", ex));
                throw;
            }
            var db = await DatabaseProvisioner.EnsureDatabaseAsync(server.SuperuserConnectionString, name, template.Name, server.RolePassword, ct)
                .ConfigureAwait(false);
            await server.TrackAsync(name, ct).ConfigureAwait(false);
            // Every test class hosts its own app with its own pools; idle connections of finished classes are
            // let go quickly so that the run's cluster does not run out of connection slots (53300).
            return db with
            {
                OwnerConnectionString = WithShortIdleLifetime(db.OwnerConnectionString),
                AppConnectionString = WithShortIdleLifetime(db.AppConnectionString),
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops a database created by <see cref="CreateDatabaseAsync"/> (optional: the cluster is deleted at exit anyway).</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken ct = default)
    {
        var server = await _server.GetAsync(ct).ConfigureAwait(false);
        await DatabaseProvisioner.DropDatabaseAsync(server.SuperuserConnectionString, name, ct).ConfigureAwait(false);
        server.Untrack(name);
    }

    private async Task<LocalDatabase> PrepareTemplateDatabaseAsync(TestPostgresServer.Connection server, CancellationToken ct)
    {
        // On a shared external server the template name carries a per-run suffix so concurrent runs do not collide.
        var templateName = server.IsExternal ? UniqueName(_templateBaseName) : _templateBaseName;
        await DatabaseProvisioner.DropDatabaseAsync(server.SuperuserConnectionString, templateName, ct).ConfigureAwait(false);
        var template = await DatabaseProvisioner.EnsureDatabaseAsync(server.SuperuserConnectionString, templateName, null, server.RolePassword, ct)
            .ConfigureAwait(false);
        await server.TrackAsync(templateName, ct).ConfigureAwait(false);

        var prepare = _prepare();
        if (prepare is not null)
            await prepare(template, ct).ConfigureAwait(false);

        // Pooled idle connections to the template would make every CREATE DATABASE ... TEMPLATE fail.
        DatabaseProvisioner.ClearPools(server.SuperuserConnectionString, templateName, server.RolePassword);
        return template;
    }

    private static string WithShortIdleLifetime(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5 }.ConnectionString;

    private static string UniqueName(string prefix)
    {
        var clean = new string(prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        if (clean.Length == 0 || char.IsAsciiDigit(clean[0]))
            clean = "t_" + clean;
        if (clean.Length > 40)
            clean = clean[..40];
        return $"{clean}_{Guid.NewGuid():N}"[..Math.Min(63, clean.Length + 13)];
    }
}

/// <summary>Starts (once) and stops the run's PostgreSQL server.</summary>
internal sealed class TestPostgresServer
{
    public static readonly TestPostgresServer Shared = new();

    private readonly Lazy<Task<Connection>> _connection;

    private TestPostgresServer() =>
        _connection = new Lazy<Task<Connection>>(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public Task<Connection> GetAsync(CancellationToken ct) => _connection.Value.WaitAsync(ct);

    private static async Task<Connection> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(TestPostgres.ExternalServerVariable);
        var rolePassword = Environment.GetEnvironmentVariable(TestPostgres.RolePasswordVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var cs = new NpgsqlConnectionStringBuilder(external) { IncludeErrorDetail = true }.ConnectionString;
            var connection = new Connection(cs, string.IsNullOrEmpty(rolePassword) ? null : rolePassword, IsExternal: true);
            await connection.DropStaleAsync().ConfigureAwait(false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => connection.DropTracked();
            return connection;
        }

        var folder = Path.Combine(Path.GetTempPath(), "starfront-tests-" + Guid.NewGuid().ToString("N")[..12]);
        var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresClusterOptions
        {
            DataDirectory = folder,
            StopOnDispose = true,
            SyncAfterInitDb = false, // deleted at exit; the server itself keeps fsync on
            ServerSettings = { ["max_connections"] = "1000" },
        }, NullLogger.Instance, CancellationToken.None).ConfigureAwait(false);

        await StartWatchdogAsync(cluster, folder).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                cluster.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
            }
            catch (AggregateException)
            {
                // best effort at exit
            }
            TryDelete(cluster.ClusterDirectory);
            TryDelete(folder);
        };
        return new Connection(cluster.SuperuserConnectionString(), null, IsExternal: false);
    }

    /// <summary>
    /// The test host may be killed before ProcessExit handlers finish (or never run them: crash, abort, debugger stop).
    /// A detached shell waits for this process to end, then stops the server and deletes the folder.
    /// </summary>
    private static async Task StartWatchdogAsync(LocalPostgresCluster cluster, string folder)
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            alive() { [ -r "/proc/$1/stat" ] && [ "$(sed 's/.*) //' "/proc/$1/stat" | cut -c1)" != Z ]; }
            while alive "$1"; do sleep 1; done
            if [ "$6" = root ]; then runuser -u postgres -- "$2" -D "$3" -m immediate stop; else "$2" -D "$3" -m immediate stop; fi
            rm -rf "$4" "$5"
            """;
        await ProcessRunner.RunAsync("setsid",
            [
                "-f", "sh", "-c", script, "starfront-test-postgres-watchdog",
                Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                cluster.Binaries.PgCtl, cluster.DataDirectory, folder, cluster.ClusterDirectory,
                cluster.RunsAsPostgresOsUser ? "root" : "user",
            ],
            TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // best effort at exit
        }
    }

    internal sealed record Connection(string SuperuserConnectionString, string? RolePassword, bool IsExternal)
    {
        /// <summary>Databases this run made on an external server carry this comment prefix plus their creation time.</summary>
        private const string CommentPrefix = "starfront-test-run created=";
        private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(6);
        private readonly HashSet<string> _created = [];

        public async Task TrackAsync(string name, CancellationToken ct)
        {
            lock (_created)
                _created.Add(name);
            if (!IsExternal)
                return;
            await using var c = await OpenAdminAsync(ct).ConfigureAwait(false);
            var comment = CommentPrefix + DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            await using var cmd = new NpgsqlCommand($"COMMENT ON DATABASE \"{name}\" IS '{comment}'", c);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        public void Untrack(string name)
        {
            lock (_created)
                _created.Remove(name);
        }

        /// <summary>
        /// On an external server, drop what this run created. Best effort: the test host may be killed during exit, so
        /// <see cref="DropStaleAsync"/> also removes test databases older than six hours when a run starts.
        /// </summary>
        public void DropTracked()
        {
            string[] names;
            lock (_created)
                names = [.. _created];
            try
            {
                Task.WhenAll(names.Select(n => DatabaseProvisioner.DropDatabaseAsync(SuperuserConnectionString, n, CancellationToken.None)))
                    .Wait(TimeSpan.FromSeconds(20));
            }
            catch (AggregateException)
            {
                // best effort at exit
            }
        }

        public async Task DropStaleAsync()
        {
            var stale = new List<string>();
            await using (var c = await OpenAdminAsync(CancellationToken.None).ConfigureAwait(false))
            await using (var cmd = new NpgsqlCommand(
                "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database WHERE shobj_description(oid, 'pg_database') LIKE $1", c))
            {
                cmd.Parameters.AddWithValue(CommentPrefix + "%");
                await using var reader = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    var created = reader.GetString(1)[CommentPrefix.Length..];
                    if (DateTime.TryParse(created, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind,
                        out var at)
                        && DateTime.UtcNow - at.ToUniversalTime() > StaleAfter)
                        stale.Add(reader.GetString(0));
                }
            }
            foreach (var name in stale)
                await DatabaseProvisioner.DropDatabaseAsync(SuperuserConnectionString, name, CancellationToken.None).ConfigureAwait(false);
        }

        private async Task<NpgsqlConnection> OpenAdminAsync(CancellationToken ct)
        {
            var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(SuperuserConnectionString)
            {
                Database = "postgres",
                Pooling = false
            }.ConnectionString);
            await c.OpenAsync(ct).ConfigureAwait(false);
            return c;
        }
    }
}
