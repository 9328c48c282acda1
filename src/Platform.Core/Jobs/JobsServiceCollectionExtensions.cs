using System.Linq.Expressions;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Data;
using Platform.Core.Telemetry;

namespace Platform.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    private static readonly Lock FiltersLock = new();

    /// <summary>
    /// Hangfire on PostgreSQL in its own schema. The schema is created by the migrate step, so a running
    /// app never needs DDL rights. Sliding invisibility keeps a long job from being picked up twice. Its connections
    /// prepare repeated statements like the app's (<see cref="AppConnectionString"/>): a job's life is about fifteen
    /// statements, and unprepared each was parsed and planned on every run (bench (c): every Hangfire statement had
    /// as many plans as calls).
    /// </summary>
    public static IServiceCollection AddPlatformJobStorage(this IServiceCollection services, string connectionString)
    {
        // Hangfire's filters are process-wide: one failure counter however many hosts a process builds (the tests build many).
        lock (FiltersLock)
        {
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobFailureFilter))
            {
                GlobalJobFilters.Filters.Add(new JobFailureFilter());
            }
        }

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

    /// <summary>
    /// Adds a recurring job to the one list the job server's <see cref="RecurringJobRegistrar"/> schedules at start
    /// (<see cref="RecurringJobEntry.For{TJob}"/>). Inert in a process without a job server.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(
        this IServiceCollection services, string id, Expression<Func<TJob, Task>> call, string cron, Expression<Func<TJob, Task>>? onServerStart = null) =>
        services.AddSingleton(RecurringJobEntry.For(id, call, cron, onServerStart));
}
