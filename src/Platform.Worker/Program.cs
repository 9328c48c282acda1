using Microsoft.Extensions.Options;
using Platform.Core.Data;

namespace Platform.Worker;

/// <summary>
/// The Hangfire job server: any number of replicas on one PostgreSQL. `migrate` applies the schema and exits
/// (the Production migration step, e.g. a Helm hook Job).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var host = WorkerHost.Build(args);
        if (args.FirstOrDefault() == "migrate")
        {
            var options = host.Services.GetRequiredService<IOptions<PlatformDatabaseOptions>>().Value;
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Migrate");
            await DatabaseMigrator.MigrateAsync(
                options.PlatformMigrations
                    ?? throw new InvalidOperationException("ConnectionStrings:PlatformMigrations (the table owner role) is needed to migrate."),
                options.Platform, logger, CancellationToken.None);
            return 0;
        }

        await host.RunAsync();
        return 0;
    }
}
