using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Core.Tenancy;

namespace Platform.Core.Data;

/// <summary>
/// The explicit migrate step: applies EF Core migrations and Hangfire's schema as the owner role, then
/// grants the app role what it needs (data rights only — it never owns a table, so RLS binds it).
/// Called by `migrate` in Production and automatically by the local run and tests; never on a normal start.
/// </summary>
public static class DatabaseMigrator
{
    public const string HangfireSchema = "hangfire";

    public static async Task MigrateAsync(string ownerConnectionString, string appConnectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var appRole = new NpgsqlConnectionStringBuilder(appConnectionString).Username
            ?? throw new InvalidOperationException("The app connection string names no Username; the migrate step must know which role to grant.");

        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        DataServiceCollectionExtensions.Configure(options, ownerConnectionString, new TenantSessionInterceptor());
        await using (var db = new PlatformDbContext(options.Options, new TenantContext()))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            logger.LogInformation("Applying {Count} pending migration(s)", pending.Count);
            await db.Database.MigrateAsync(cancellationToken);
        }

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        // Hangfire's installer is idempotent and takes its own advisory lock, so replicas may race safely.
        PostgreSqlObjectsInstaller.Install(connection, HangfireSchema);

        var role = QuoteIdentifier(appRole);
        await using var grant = connection.CreateCommand();
        grant.CommandText = $"""
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            GRANT USAGE ON SCHEMA {HangfireSchema} TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {HangfireSchema} TO {role};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {HangfireSchema} TO {role};
            """;
        await grant.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Database migrated; role {Role} granted data rights", appRole);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
