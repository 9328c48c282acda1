using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;

namespace Platform.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire on PostgreSQL in its own schema. The schema is created by the migrate step, so a running
    /// app never needs DDL rights. Sliding invisibility keeps a long job from being picked up twice. Its connections
    /// prepare repeated statements like the app's (<see cref="AppConnectionString"/>): a job's life is about fifteen
    /// statements, and unprepared each was parsed and planned on every run (bench (c): every Hangfire statement had
    /// as many plans as calls).
    /// </summary>
    public static IServiceCollection AddPlatformJobStorage(this IServiceCollection services, string connectionString)
    {
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(AppConnectionString.WithDefaults(connectionString)),
                new PostgreSqlStorageOptions
                {
                    SchemaName = DatabaseMigrator.HangfireSchema,
                    PrepareSchemaIfNecessary = false,
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(5),
                    QueuePollInterval = TimeSpan.FromMilliseconds(200),
                    // LISTEN/NOTIFY wakes a worker as soon as a job is enqueued: payment-to-delivery latency.
                    EnableLongPolling = true,
                }));
        return services;
    }
}
