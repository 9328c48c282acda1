using Microsoft.Extensions.Options;
using Platform.Core;
using Platform.Core.Data;

namespace Platform.Worker;

/// <summary>
/// The Hangfire job server: any number of replicas on one PostgreSQL. `migrate` applies the schema and exits
/// (the Production migration step, e.g. a Helm hook Job); `health-probe [url]` is the container image's HEALTHCHECK.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == HealthProbe.Command)
        {
            return await HealthProbe.RunAsync(args, HealthProbe.WorkerDefault(Environment.GetEnvironmentVariable), Console.Out, CancellationToken.None);
        }

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
