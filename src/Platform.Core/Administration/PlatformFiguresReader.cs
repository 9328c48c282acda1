using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Ledger;
using Platform.Core.Subscriptions;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;

namespace Platform.Core.Administration;

/// <summary>
/// Reads the platform admins' dashboard in one batch across tenants (explicit cross-tenant setting, transaction-local),
/// beside the open reconciliation mismatches, the cached Stars on hold and Hangfire's counts. Nothing here grows with the
/// ledger: sales are the <see cref="DailyStoreFigures"/> rows of the period's days, which the minute rollup keeps, summed
/// once per rollup pass (<see cref="PlatformSalesCache"/>).
/// </summary>
public sealed class PlatformFiguresReader(BotDataSource dataSource, LedgerMismatchReader mismatches, PlatformBalanceCache balances,
    PlatformSalesCache salesCache, TimeProvider clock, IServiceProvider services)
{
    public const int FailingBotsShown = 5;

    /// <summary>The period's first UTC day, ending with <paramref name="today"/>.</summary>
    public static DateOnly FirstDay(PlatformFiguresPeriod period, DateOnly today) => today.AddDays(period switch
    {
        PlatformFiguresPeriod.Day => -1,
        PlatformFiguresPeriod.Month => -29,
        _ => -6,
    });

    public async Task<PlatformFigures> ReadAsync(PlatformFiguresPeriod period, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = FirstDay(period, today);
        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var openMismatches = mismatches.CountOpenAcrossStoresAsync(cancellationToken);
        var balance = balances.GetAsync(cancellationToken);
        var jobs = Task.Run(ReadJobs, cancellationToken);

        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(TenantSession.Set(null, crossTenant: true, transactionLocal: true));
        Add(batch, PlatformFiguresSql.Stores, nameof(TenantStatus.Suspended));
        Add(batch, PlatformFiguresSql.StoresWithActiveBot, nameof(BotStatus.Active));
        Add(batch, PlatformFiguresSql.NewStores, since);
        Add(batch, PlatformFiguresSql.RollupAt, today.AddDays(-1));
        Add(batch, PlatformFiguresSql.Subscriptions, nameof(SubscriptionStatus.Active));
        Add(batch, PlatformFiguresSql.WebhookAttempts, since);
        Add(batch, PlatformFiguresSql.WebhookBacklog, (int)WebhookDeliveryStatus.Pending);
        Add(batch, PlatformFiguresSql.FailingEndpoints);
        Add(batch, PlatformFiguresSql.FailingBotCount, nameof(BotStatus.Broken));
        Add(batch, PlatformFiguresSql.FailingBots, nameof(BotStatus.Broken), FailingBotsShown);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var (stores, suspended) = await SingleAsync(reader, r => (r.GetInt32(0), r.GetInt32(1)), cancellationToken);
        var withActiveBot = await SingleAsync(reader, r => r.GetInt32(0), cancellationToken);
        var newStores = (await ListAsync(reader, r => (Day: r.GetFieldValue<DateOnly>(0), Count: r.GetInt32(1)), cancellationToken))
            .ToDictionary(d => d.Day, d => d.Count);
        var rollupAt = await SingleAsync(reader, r => r.IsDBNull(0) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(0), cancellationToken);
        var (subscriptions, monthly) = await SingleAsync(reader, r => (r.GetInt32(0), r.GetInt64(1)), cancellationToken);
        var (attempts, succeeded) = await SingleAsync(reader, r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken);
        var (backlog, retrying) = await SingleAsync(reader, r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken);
        var failingEndpoints = await SingleAsync(reader, r => r.GetInt32(0), cancellationToken);
        var failingBotCount = await SingleAsync(reader, r => r.GetInt32(0), cancellationToken);
        var failingBots = await ListAsync(reader, r => new PlatformFiguresBot(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetBoolean(3),
            r.IsDBNull(4) ? null : r.GetString(4)), cancellationToken);

        var sales = await salesCache.GetAsync(from, today, rollupAt, cancellationToken);
        var days = new List<PlatformFiguresDay>();
        for (var day = from; day <= today; day = day.AddDays(1))
        {
            var s = sales.Days.GetValueOrDefault(day) ?? new PlatformFiguresDay(day, 0, 0, 0, 0, 0);
            days.Add(s with { NewStores = newStores.GetValueOrDefault(day) });
        }

        return new PlatformFigures
        {
            Period = period,
            FromDay = from,
            ToDay = today,
            Stores = stores,
            SuspendedStores = suspended,
            StoresWithActiveBot = withActiveBot,
            Days = days,
            ActiveSubscriptions = subscriptions,
            MonthlyRecurringStars = monthly,
            Balance = await balance,
            WebhookAttempts = attempts,
            WebhookAttemptsSucceeded = succeeded,
            WebhookBacklog = backlog,
            WebhookRetrying = retrying,
            FailingEndpoints = failingEndpoints,
            Jobs = await jobs,
            OpenMismatches = await openMismatches,
            FailingBotCount = failingBotCount,
            FailingBots = failingBots,
            TopStores = sales.TopStores,
        };
    }

    private PlatformJobFigures? ReadJobs()
    {
        if (services.GetService<JobStorage>() is not { } storage)
        {
            return null;
        }

        var statistics = storage.GetMonitoringApi().GetStatistics();
        return new PlatformJobFigures(statistics.Failed, statistics.Retries ?? 0, statistics.Scheduled);
    }

    private static void Add(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddPositional(values);
        batch.BatchCommands.Add(command);
    }

    private static async Task<T> SingleAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await reader.ReadAsync(cancellationToken);
        var value = read(reader);
        await reader.NextResultAsync(cancellationToken);
        return value;
    }

    private static async Task<List<T>> ListAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        await reader.NextResultAsync(cancellationToken);
        return rows;
    }
}
