using Platform.LocalPostgres;

namespace Platform.Web.LocalRun;

/// <summary>
/// The local run's embedded default: in Development, when no connection string is configured, start (or
/// reuse) a private PostgreSQL cluster under the repository's git-ignored <c>.data/postgres</c> and point
/// the app at it. Production never gets here: it must be configured.
/// </summary>
public static class LocalDatabaseExtensions
{
    public const string DatabaseName = "starfront";

    public static async Task UseLocalDatabaseWhenUnconfiguredAsync(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() || !string.IsNullOrEmpty(builder.Configuration.GetConnectionString("Platform")))
        {
            return;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggerFactory.CreateLogger("LocalDatabase");
        LocalPostgresCluster cluster;
        try
        {
            var options = new LocalPostgresClusterOptions
            {
                DataDirectory = Path.Combine(RepositoryRoot(builder.Environment.ContentRootPath), ".data", "postgres"),
                StopOnDispose = true,
                ServerSettings = { ["max_connections"] = "200" },
            };
            cluster = await LocalPostgresCluster.StartAsync(options, logger, CancellationToken.None);
        }
        catch (PostgresBinariesNotFoundException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Environment.Exit(1);
            throw; // unreachable
        }

        var database = await cluster.EnsureDatabaseAsync(DatabaseName, template: null, CancellationToken.None);
        builder.Configuration["ConnectionStrings:Platform"] = database.AppConnectionString;
        builder.Configuration["ConnectionStrings:PlatformMigrations"] = database.OwnerConnectionString;
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService(_ => new LocalClusterShutdown(cluster));
    }

    /// <summary>The folder holding Platform.sln, or the content root when run from elsewhere (a published build).</summary>
    public static string RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
