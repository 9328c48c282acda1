using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Core.Data;
using Platform.LocalPostgres;
using Platform.Tests.Events;
using Platform.Tests.Infrastructure;

namespace Platform.Tests.Operations;

/// <summary>
/// docs/operations.md tells operators to create the database roles with <c>ops/postgres/create-roles.sql</c> and then run
/// the migrate step. This runs exactly that — the script through <c>psql</c>, as a non-superuser admin with only
/// CREATEROLE and CREATEDB (the shape of a managed service's admin), then <see cref="DatabaseMigrator"/> — and checks
/// that the app role ends up bound by row-level security, so the guide cannot drift from what works.
/// </summary>
public sealed class OperationsRolesScriptTests
{
    private const string TenantA = "11111111-1111-1111-1111-111111111111";
    private const string TenantB = "22222222-2222-2222-2222-222222222222";

    [Fact]
    public async Task The_roles_script_run_by_a_non_superuser_admin_then_migrate_give_an_app_role_that_row_level_security_binds()
    {
        var ct = CancellationToken.None;
        var superuser = new NpgsqlConnectionStringBuilder(await TestPostgres.Instance.SuperuserConnectionStringAsync(ct)) { Pooling = false };
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var (db, owner, app, admin) = ($"ops_roles_{suffix}", $"ops_owner_{suffix}", $"ops_app_{suffix}", $"ops_admin_{suffix}");
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        string RoleConnection(string role) => new NpgsqlConnectionStringBuilder(superuser.ConnectionString)
        {
            Username = role,
            Password = password,
            Database = db,
            Pooling = false,
        }.ConnectionString;

        await ExecAsync(superuser.ConnectionString, $"CREATE ROLE \"{admin}\" LOGIN CREATEROLE CREATEDB PASSWORD '{password}'", ct);
        try
        {
            await RunPsqlAsync(superuser, admin, password,
                ["-v", $"owner_password={password}", "-v", $"app_password={password}", "-v", $"db={db}", "-v", $"owner_role={owner}",
                    "-v", $"app_role={app}", "-f", RepositoryPaths.PathOf("ops", "postgres", "create-roles.sql")], ct);
            await DatabaseMigrator.MigrateAsync(RoleConnection(owner), RoleConnection(app), NullLogger.Instance, ct);

            await using var conn = new NpgsqlConnection(RoleConnection(app));
            await conn.OpenAsync(ct);
            Assert.Equal("f f f f", await ScalarAsync(conn,
                "SELECT concat_ws(' ', rolsuper, rolbypassrls, rolcreaterole, rolcreatedb) FROM pg_roles WHERE rolname = current_user", ct));
            Assert.Equal(0L, await ScalarAsync(conn,
                "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)", ct));
            // The tables docs/operations.md calls never-to-lose (every tenant table is checked by Tenancy's own tests).
            Assert.Equal(7L, await ScalarAsync(conn, """
                SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relrowsecurity AND relforcerowsecurity
                AND relname IN ('Orders', 'StarLedger', 'LicenseKeys', 'Bots', 'InboxUpdates', 'WebhookEndpoints', 'Subscriptions')
                """, ct));

            await ExecAsync(conn, $"""
                INSERT INTO "Tenants" ("Id", "Slug", "Name", "Status", "CreatedAt")
                VALUES ('{TenantA}', 'a-{suffix}', 'A', 'Active', now()), ('{TenantB}', 'b-{suffix}', 'B', 'Active', now())
                """, ct);
            await ExecAsync(conn, $"SELECT set_config('app.tenant_id', '{TenantA}', false)", ct);
            await ExecAsync(conn, $"""INSERT INTO "Categories" VALUES (gen_random_uuid(), '{TenantA}', 'A books', 1)""", ct);

            await AssertRefusedAsync(conn, $"""INSERT INTO "Categories" VALUES (gen_random_uuid(), '{TenantB}', 'B smuggled', 1)""",
                "violates row-level security policy", ct);
            await ExecAsync(conn, $"SELECT set_config('app.tenant_id', '{TenantB}', false)", ct);
            Assert.Equal(0L, await ScalarAsync(conn, """SELECT count(*) FROM "Categories" """, ct));
            await ExecAsync(conn, "SELECT set_config('app.tenant_id', '', false)", ct);
            Assert.Equal(0L, await ScalarAsync(conn, """SELECT count(*) FROM "Categories" """, ct));

            await ExecAsync(conn, "SET row_security = off", ct);
            await AssertRefusedAsync(conn, """SELECT count(*) FROM "Categories" """, "would be affected by row-level security policy", ct);
            await ExecAsync(conn, "RESET row_security", ct);
            await AssertRefusedAsync(conn, """ALTER TABLE "Categories" NO FORCE ROW LEVEL SECURITY""", "must be owner", ct);
            await AssertRefusedAsync(conn, """DROP POLICY tenant_isolation ON "Categories" """, "must be owner", ct);
            await AssertRefusedAsync(conn, "CREATE TABLE sneaky (x int)", "permission denied for schema public", ct);
        }
        finally
        {
            await ExecAsync(superuser.ConnectionString, $"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)", ct);
            await ExecAsync(superuser.ConnectionString, $"DROP ROLE IF EXISTS \"{app}\", \"{owner}\", \"{admin}\"", ct);
        }
    }

    private static async Task RunPsqlAsync(NpgsqlConnectionStringBuilder server, string user, string password, string[] arguments, CancellationToken ct)
    {
        var psql = PostgresBinaries.TryFind() is { } binaries && File.Exists(Path.Combine(binaries.BinDirectory, "psql"))
            ? Path.Combine(binaries.BinDirectory, "psql")
            : "psql";
        var info = new ProcessStartInfo(psql, ["-X", "-q", "-d", "postgres", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["PGHOST"] = server.Host, ["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PGUSER"] = user, ["PGPASSWORD"] = password,
            },
        };
        Process? started;
        try
        {
            started = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"psql ({psql}) could not be started: install PostgreSQL (apt-get install -y postgresql).", e);
        }

        using var process = started ?? throw new InvalidOperationException($"psql ({psql}) could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, $"psql exited with {process.ExitCode}:\n{await output}\n{await errors}");
    }

    private static async Task AssertRefusedAsync(NpgsqlConnection conn, string sql, string message, CancellationToken ct)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecAsync(conn, sql, ct));
        Assert.Contains(message, refused.MessageText, StringComparison.Ordinal);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await ExecAsync(conn, sql, ct);
    }
}
