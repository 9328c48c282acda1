using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Core.Data;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;
using Platform.LocalPostgres;
using Platform.Tests.Infrastructure;
using Platform.Worker;

namespace Platform.Tests.Webhooks;

/// <summary>
/// The real Worker composition in-process (Hangfire server, webhook pump, outbox listener) on a database of its own, with
/// one store and real time, for the wake-on-notify tests: they set the polls long so only a notification can explain a
/// fast delivery. Also reaches around the app as the superuser: an event written without its NOTIFY, a bare NOTIFY, the
/// listener's backend (to cut it off).
/// </summary>
public sealed class WebhookWakeHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly LocalDatabase _database;

    private WebhookWakeHost(IHost host, LocalDatabase database, TenantInfo tenant)
    {
        _host = host;
        _database = database;
        Tenant = tenant;
    }

    public TenantInfo Tenant { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<WebhookWakeHost> StartAsync(IDictionary<string, string?> settings)
    {
        var database = await TestPostgres.Instance.CreateDatabaseAsync("webhookwake");
        var host = WorkerHost.Build([], builder =>
        {
            builder.Environment.EnvironmentName = "Testing"; // loopback receivers allowed
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
            {
                ["ConnectionStrings:Platform"] = database.AppConnectionString,
                ["Logging:LogLevel:Default"] = "Warning",
            });
            // At build time, after every registration: Hangfire's process-wide log provider must not outlive this host.
            builder.ConfigureContainer(new DefaultServiceProviderFactory(), TestHangfireLogging.KeepProcessWide);
        });
        var tenant = new TenantInfo(Guid.CreateVersion7(), "wake-" + Guid.NewGuid().ToString("N")[..8], "Wake", TenantStatus.Active);
        await using (var scope = host.Services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Tenants.Add(new Tenant { Id = tenant.Id, Slug = tenant.Slug, Name = tenant.Name, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await host.StartAsync();
        var wake = new WebhookWakeHost(host, database, tenant);
        await wake.WaitForListenerAsync(null);
        return wake;
    }

    public async Task<Guid> CreateEndpointAsync(string url)
    {
        await using var scope = Services.GetRequiredService<TenantScopeFactory>().CreateScope(Tenant);
        var created = await scope.ServiceProvider.GetRequiredService<WebhookEndpointService>()
            .CreateAsync(new WebhookEndpointInput(url, "wake", null), CancellationToken.None);
        return created.Succeeded ? created.Value.Endpoint.Id : throw new InvalidOperationException("The endpoint was refused.");
    }

    /// <summary>Commits one event the way the app does (its NOTIFY goes out at commit).</summary>
    public async Task<string> EmitAsync()
    {
        await using var scope = Services.GetRequiredService<TenantScopeFactory>().CreateScope(Tenant);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var e = db.AddOutboxEvent(EventTypes.OrderPaid, new { OrderId = Guid.NewGuid() }, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return e.Id.ToString();
    }

    /// <summary>Commits one event with triggers off (replica role): no NOTIFY at all, as if the notification were lost.</summary>
    public async Task<string> EmitWithoutNotificationAsync()
    {
        var id = Guid.CreateVersion7();
        await SuperuserSqlAsync("""
            SET session_replication_role = replica;
            INSERT INTO "OutboxEvents" ("Id", "TenantId", "Type", "ApiVersion", "Data", "CreatedAt")
            VALUES (@id, @tenant, @type, @version, '{"order_id":"silent"}', now());
            """, ("id", id), ("tenant", Tenant.Id), ("type", EventTypes.OrderPaid), ("version", EventTypes.ApiVersion));
        return id.ToString();
    }

    /// <summary>A bare NOTIFY naming the store, in its own transaction.</summary>
    public Task NotifyAsync() =>
        SuperuserSqlAsync($"SELECT pg_notify('{OutboxSignals.Channel}', @payload)", ("payload", Tenant.Id.ToString("N")));

    /// <summary>Terminates the listener's backend and returns its pid; the listener reconnects a second later.</summary>
    public async Task<int> CutOffListenerAsync()
    {
        var pid = await ListenerPidAsync() ?? throw new InvalidOperationException("Nobody listens.");
        await SuperuserSqlAsync("SELECT pg_terminate_backend(@pid)", ("pid", pid));
        return pid;
    }

    /// <summary>Waits until a listener other than <paramref name="notPid"/> has run its LISTEN; returns its pid.</summary>
    public async Task<int> WaitForListenerAsync(int? notPid)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (await ListenerPidAsync() is { } pid && pid != notPid)
            {
                return pid;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException("The outbox listener did not (re)connect within 20 s.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(); // the database goes with the run's cluster
        _host.Dispose();
    }

    private async Task<int?> ListenerPidAsync()
    {
        await using var connection = await OpenSuperuserAsync();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT pid FROM pg_stat_activity WHERE datname = current_database()
              AND (query LIKE 'LISTEN {OutboxSignals.Channel}%' OR query LIKE 'LISTEN {WebhookSenderSignals.DueChannel}%') LIMIT 1
            """, connection); // the listener's last statement: one of its two LISTENs
        return await command.ExecuteScalarAsync() as int?;
    }

    private async Task SuperuserSqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenSuperuserAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenSuperuserAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(await TestPostgres.Instance.SuperuserConnectionStringAsync())
        {
            Database = _database.Name,
            Pooling = false,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
