using System.Text.RegularExpressions;
using Npgsql;

namespace Platform.LocalPostgres;

/// <summary>
/// Creates the Starfront roles and databases through a superuser connection. Used by
/// <see cref="LocalPostgresCluster"/> and by tests running against an existing server.
/// </summary>
public static partial class DatabaseProvisioner
{
    private const string DuplicateObject = "42710";
    private const string DuplicateDatabase = "42P04";
    private const string UniqueViolation = "23505";
    private const string ObjectInUse = "55006";

    /// <summary>
    /// Idempotently creates the roles <c>starfront_owner</c> and <c>starfront_app</c>, then the database
    /// <paramref name="name"/> owned by <c>starfront_owner</c> (copied from <paramref name="template"/> when given),
    /// revokes CREATE on schema public from PUBLIC, grants CONNECT and USAGE on public to <c>starfront_app</c>, and makes
    /// tables/sequences that <c>starfront_owner</c> creates in public usable (DML only) by <c>starfront_app</c>.
    /// </summary>
    /// <param name="rolePassword">Password to set on both roles (servers without trust authentication); null leaves passwords alone.</param>
    public static async Task<LocalDatabase> EnsureDatabaseAsync(
        string superuserConnectionString, string name, string? template, string? rolePassword, CancellationToken ct)
    {
        ValidateName(name, nameof(name));
        if (template is not null)
            ValidateName(template, nameof(template));

        await using (var admin = await OpenAsync(superuserConnectionString, "postgres", ct).ConfigureAwait(false))
        {
            await EnsureRoleAsync(admin, StarfrontRoles.Owner, "LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION", rolePassword, ct)
                .ConfigureAwait(false);
            await EnsureRoleAsync(admin, StarfrontRoles.App, "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION", rolePassword, ct)
                .ConfigureAwait(false);

            if (!await DatabaseExistsAsync(admin, name, ct).ConfigureAwait(false))
                await CreateDatabaseAsync(admin, superuserConnectionString, name, template, rolePassword, ct).ConfigureAwait(false);

            await ExecAsync(admin, $"GRANT CONNECT ON DATABASE {Q(name)} TO {Q(StarfrontRoles.App)}", ct).ConfigureAwait(false);
        }

        await using (var db = await OpenAsync(superuserConnectionString, name, ct).ConfigureAwait(false))
        {
            await ExecAsync(db, $"""
                REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                GRANT USAGE ON SCHEMA public TO {Q(StarfrontRoles.App)};
                ALTER DEFAULT PRIVILEGES FOR ROLE {Q(StarfrontRoles.Owner)} IN SCHEMA public
                    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {Q(StarfrontRoles.App)};
                ALTER DEFAULT PRIVILEGES FOR ROLE {Q(StarfrontRoles.Owner)} IN SCHEMA public
                    GRANT USAGE, SELECT ON SEQUENCES TO {Q(StarfrontRoles.App)};
                """, ct).ConfigureAwait(false);
        }

        return Describe(superuserConnectionString, name, rolePassword);
    }

    /// <summary>Drops the database (WITH (FORCE)) if it exists, after clearing this process's pools for it.</summary>
    public static async Task DropDatabaseAsync(string superuserConnectionString, string name, CancellationToken ct)
    {
        ValidateName(name, nameof(name));
        ClearPools(superuserConnectionString, name, null);
        await using var admin = await OpenAsync(superuserConnectionString, "postgres", ct).ConfigureAwait(false);
        await ExecAsync(admin, $"DROP DATABASE IF EXISTS {Q(name)} WITH (FORCE)", ct).ConfigureAwait(false);
    }

    /// <summary>The connection strings for <paramref name="name"/> (same server and settings as the superuser string).</summary>
    public static LocalDatabase Describe(string superuserConnectionString, string name, string? rolePassword) =>
        new(name,
            RoleConnectionString(superuserConnectionString, StarfrontRoles.Owner, name, rolePassword),
            RoleConnectionString(superuserConnectionString, StarfrontRoles.App, name, rolePassword));

    /// <summary>Clears this process's Npgsql pools for the superuser, owner and app connections to <paramref name="database"/>.</summary>
    public static void ClearPools(string superuserConnectionString, string database, string? rolePassword)
    {
        var described = Describe(superuserConnectionString, database, rolePassword);
        var super = new NpgsqlConnectionStringBuilder(superuserConnectionString) { Database = database }.ConnectionString;
        foreach (var cs in new[] { super, described.OwnerConnectionString, described.AppConnectionString })
        {
            using var c = new NpgsqlConnection(cs);
            NpgsqlConnection.ClearPool(c);
        }
    }

    internal static void ValidateName(string name, string parameter)
    {
        if (!IdentifierPattern().IsMatch(name))
            throw new ArgumentException(
                $"'{name}' is not a valid database name here: use 1-63 lower-case letters, digits and underscores, starting with a letter or underscore.",
                parameter);
    }

    private static string RoleConnectionString(string superuserConnectionString, string role, string database, string? password)
    {
        var b = new NpgsqlConnectionStringBuilder(superuserConnectionString)
        {
            Username = role,
            Password = password,
            Database = database,
            IncludeErrorDetail = true,
        };
        return b.ConnectionString;
    }

    private static async Task CreateDatabaseAsync(
        NpgsqlConnection admin, string superuserConnectionString, string name, string? template, string? rolePassword, CancellationToken ct)
    {
        var sql = $"CREATE DATABASE {Q(name)} OWNER {Q(StarfrontRoles.Owner)}" + (template is null ? "" : $" TEMPLATE {Q(template)}");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecAsync(admin, sql, ct).ConfigureAwait(false);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is DuplicateDatabase or UniqueViolation)
            {
                return; // created concurrently
            }
            catch (PostgresException ex) when (ex.SqlState == ObjectInUse && template is not null && attempt < 20)
            {
                // Someone (often an idle pooled connection of this process) is connected to the template.
                ClearPools(superuserConnectionString, template, rolePassword);
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct).ConfigureAwait(false);
            }
        }
    }

    private static async Task EnsureRoleAsync(NpgsqlConnection admin, string role, string attributes, string? password, CancellationToken ct)
    {
        var passwordClause = password is null ? "" : $" PASSWORD {Literal(password)}";
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", admin))
        {
            exists.Parameters.AddWithValue(role);
            if (await exists.ExecuteScalarAsync(ct).ConfigureAwait(false) is null)
            {
                try
                {
                    await ExecAsync(admin, $"CREATE ROLE {Q(role)} {attributes}{passwordClause}", ct).ConfigureAwait(false);
                    return;
                }
                catch (PostgresException ex) when (ex.SqlState is DuplicateObject or UniqueViolation)
                {
                    // created concurrently: fall through and enforce the attributes
                }
            }
        }
        await ExecAsync(admin, $"ALTER ROLE {Q(role)} {attributes}{passwordClause}", ct).ConfigureAwait(false);
    }

    private static async Task<bool> DatabaseExistsAsync(NpgsqlConnection admin, string name, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin);
        cmd.Parameters.AddWithValue(name);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string superuserConnectionString, string database, CancellationToken ct)
    {
        // No pooling: an idle pooled superuser connection to a template would block CREATE DATABASE ... TEMPLATE.
        var b = new NpgsqlConnectionStringBuilder(superuserConnectionString) { Database = database, Pooling = false, IncludeErrorDetail = true };
        var c = new NpgsqlConnection(b.ConnectionString);
        try
        {
            await c.OpenAsync(ct).ConfigureAwait(false);
            return c;
        }
        catch
        {
            await c.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// One statement, outside any transaction. Two databases provisioned at once both change the shared roles and grants,
    /// and PostgreSQL refuses the second writer of a catalog row with "tuple concurrently updated" (seen in CI): that
    /// statement is simply run again.
    /// </summary>
    private static async Task ExecAsync(NpgsqlConnection c, string sql, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var cmd = new NpgsqlCommand(sql, c);
                await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (PostgresException e) when (e.SqlState == "XX000" && e.MessageText.Contains("tuple concurrently updated", StringComparison.Ordinal)
                && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), ct).ConfigureAwait(false);
            }
        }
    }

    private static string Q(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();
}
