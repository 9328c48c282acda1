using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.LocalPostgres;
using Platform.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Platform.Tests.Data;

public sealed class LocalPostgresClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "starfront-tests-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<LocalPostgresCluster> _clusters = [];
    private readonly List<string> _relocated = [];

    [Fact]
    public async Task A_started_cluster_gives_an_app_role_that_is_neither_superuser_nor_bypassrls_and_does_not_own_the_database()
    {
        var cluster = await StartAsync(stopOnDispose: true);

        var db = await cluster.EnsureDatabaseAsync("roles_check", template: null, CancellationToken.None);

        Assert.Equal("127.0.0.1", cluster.Host);
        Assert.True(cluster.Port > 0);
        await using var app = new NpgsqlConnection(db.AppConnectionString);
        await app.OpenAsync();
        Assert.Equal(StarfrontRoles.App, await ScalarAsync<string>(app, "SELECT current_user"));
        Assert.False(await ScalarAsync<bool>(app, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        Assert.False(await ScalarAsync<bool>(app, "SELECT rolbypassrls FROM pg_roles WHERE rolname = current_user"));
        Assert.False(await ScalarAsync<bool>(app, "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal(StarfrontRoles.Owner, await ScalarAsync<string>(app,
            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
        var denied = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<object>(app, "CREATE TABLE app_cannot_create (id int)"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);

        await using var owner = new NpgsqlConnection(db.OwnerConnectionString);
        await owner.OpenAsync();
        Assert.False(await ScalarAsync<bool>(owner, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"));
        await ScalarAsync<object>(owner, "CREATE TABLE owned_by_owner (id int)");
        // default privileges: the app may use what the owner creates, but does not own it
        await ScalarAsync<object>(app, "INSERT INTO owned_by_owner VALUES (1)");
        Assert.Equal(StarfrontRoles.Owner, await ScalarAsync<string>(app,
            "SELECT tableowner::text FROM pg_tables WHERE tablename = 'owned_by_owner'"));

        // idempotent
        var again = await cluster.EnsureDatabaseAsync("roles_check", template: null, CancellationToken.None);
        Assert.Equal(db, again);
    }

    [Fact]
    public async Task A_stopped_cluster_is_started_again_on_the_next_start_with_the_same_port_and_its_data_kept()
    {
        int port;
        await using (var first = await LocalPostgresCluster.StartAsync(Options(stopOnDispose: true), NullLogger.Instance, CancellationToken.None))
        {
            port = first.Port;
            var db = await first.EnsureDatabaseAsync("kept", null, CancellationToken.None);
            await using var owner = new NpgsqlConnection(db.OwnerConnectionString);
            await owner.OpenAsync();
            await ScalarAsync<object>(owner, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('survives a restart')");
        }

        var probe = await StartAsync(stopOnDispose: false);
        Assert.True(probe.StartedByThisCall, "the first cluster should have been stopped on dispose");
        Assert.Equal(port, probe.Port);

        // A second start while it runs reuses the running server.
        var reused = await StartAsync(stopOnDispose: true);
        Assert.False(reused.StartedByThisCall);
        Assert.Equal(port, reused.Port);

        await using var conn = new NpgsqlConnection(reused.SuperuserConnectionString("kept"));
        await conn.OpenAsync();
        Assert.Equal("survives a restart", await ScalarAsync<string>(conn, "SELECT body FROM notes"));
        Assert.Equal("on", await ScalarAsync<string>(conn, "SHOW fsync"));
        Assert.Equal("127.0.0.1", await ScalarAsync<string>(conn, "SHOW listen_addresses"));
    }

    [Fact]
    public async Task A_database_created_from_the_template_contains_the_template_table()
    {
        var prepared = 0;
        var tests = new TestPostgres(TestPostgresServer.Shared, "lpc_tests_template", () => async (template, ct) =>
        {
            Interlocked.Increment(ref prepared);
            await using var c = new NpgsqlConnection(template.OwnerConnectionString);
            await c.OpenAsync(ct);
            await ScalarAsync<object>(c, "CREATE TABLE inbox (id bigint PRIMARY KEY, body text); INSERT INTO inbox VALUES (1, 'from the template')");
        });

        var sw = Stopwatch.StartNew();
        var databases = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => tests.CreateDatabaseAsync($"template_copy_{i}")));
        output.WriteLine($"4 databases from the template (including server start and template preparation) in {sw.ElapsedMilliseconds} ms");

        Assert.Equal(1, prepared);
        Assert.Equal(4, databases.Select(d => d.Name).Distinct().Count());
        foreach (var db in databases)
        {
            await using var app = new NpgsqlConnection(db.AppConnectionString);
            await app.OpenAsync();
            Assert.Equal("from the template", await ScalarAsync<string>(app, "SELECT body FROM inbox WHERE id = 1"));
            Assert.Equal(StarfrontRoles.Owner, await ScalarAsync<string>(app, "SELECT tableowner::text FROM pg_tables WHERE tablename = 'inbox'"));
        }

        await tests.DropDatabaseAsync(databases[0].Name);
    }

    [Fact]
    public async Task As_root_a_data_directory_the_postgres_user_cannot_reach_is_relocated_and_a_pointer_file_says_where()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName != "root")
            return; // only root runs the server as another OS user

        var privateParent = Path.Combine(_folder, "private");
        Directory.CreateDirectory(privateParent);
        File.SetUnixFileMode(privateParent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var requested = Path.Combine(privateParent, "postgres");

        var options = new LocalPostgresClusterOptions { DataDirectory = requested, StopOnDispose = true };
        var cluster = await LocalPostgresCluster.StartAsync(options, NullLogger.Instance, CancellationToken.None);
        _clusters.Add(cluster);
        _relocated.Add(cluster.ClusterDirectory);

        Assert.StartsWith(LocalPostgresCluster.RelocatedRoot + "/", cluster.ClusterDirectory);
        Assert.Contains(cluster.ClusterDirectory, await File.ReadAllTextAsync(Path.Combine(requested, LocalPostgresCluster.PointerFileName)));
        await using var c = new NpgsqlConnection(cluster.SuperuserConnectionString());
        await c.OpenAsync();
        Assert.Equal(1, await ScalarAsync<int>(c, "SELECT 1"));
    }

    [Fact]
    public void Binaries_are_found_on_this_machine_and_a_missing_install_gives_the_one_line_message()
    {
        var found = PostgresBinaries.TryFind();
        Assert.NotNull(found);
        Assert.True(File.Exists(found.InitDb));
        Assert.True(File.Exists(found.PgCtl));

        Assert.Null(PostgresBinaries.TryFind(pathVariable: "", debianRoot: "/nonexistent"));
        var ex = new PostgresBinariesNotFoundException();
        Assert.Equal(PostgresBinaries.NotFoundMessage, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    private LocalPostgresClusterOptions Options(bool stopOnDispose) =>
        new() { DataDirectory = _folder, StopOnDispose = stopOnDispose };

    private async Task<LocalPostgresCluster> StartAsync(bool stopOnDispose)
    {
        var sw = Stopwatch.StartNew();
        var cluster = await LocalPostgresCluster.StartAsync(Options(stopOnDispose), NullLogger.Instance, CancellationToken.None);
        output.WriteLine($"StartAsync (started here: {cluster.StartedByThisCall}) took {sw.ElapsedMilliseconds} ms; port {cluster.Port}; " +
            $"dir {cluster.ClusterDirectory}");
        _clusters.Add(cluster);
        return cluster;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection c, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters)
            await cluster.DisposeAsync();
        if (_clusters.Count > 0)
            await _clusters[0].StopAsync(CancellationToken.None); // in case only non-stopping instances were made
        foreach (var dir in _relocated.Append(_folder).Where(Directory.Exists))
            Directory.Delete(dir, recursive: true);
    }
}
