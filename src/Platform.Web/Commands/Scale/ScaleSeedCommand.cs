using Microsoft.Extensions.Options;
using Platform.Core.Data;
using Platform.LocalPostgres;

namespace Platform.Web.Commands.Scale;

/// <summary>
/// <c>seed-scale [--tenants 10000] [--orders 1000000] [--days 90]</c>: seeds the configured database (the local run's
/// embedded PostgreSQL when none is configured, migrated first in Development) through the owner connection. A bad
/// argument or an already seeded database is reported in one line with exit code 1, nothing written. The embedded
/// cluster is stopped afterwards if this command started it (not when a running local run shares it).
/// </summary>
public static class ScaleSeedCommand
{
    public static async Task RunAsync(WebApplication app, string[] args, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var options = ScaleSeedOptions.Parse(args);
            var database = app.Services.GetRequiredService<IOptions<PlatformDatabaseOptions>>().Value;
            var owner = database.PlatformMigrations
                ?? throw new InvalidOperationException("ConnectionStrings:PlatformMigrations (the table owner role) is needed to seed.");
            if (app.Environment.IsDevelopment())
            {
                await PlatformCommands.MigrateAsync(app.Services, logger, cancellationToken);
            }

            var seeder = ActivatorUtilities.CreateInstance<ScaleSeeder>(app.Services);
            await seeder.SeedAsync(owner, options, Console.Out, cancellationToken);
            Console.WriteLine($"Store owners sign in as owner<n>@scale.test with the password {ScaleSeeder.OwnerPassword}.");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync("seed-scale: " + e.Message);
            Environment.ExitCode = 1;
        }
        finally
        {
            if (app.Services.GetService<LocalPostgresCluster>() is { StartedByThisCall: true } cluster)
            {
                await cluster.DisposeAsync();
            }
        }
    }
}
