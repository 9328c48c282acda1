using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Core.Data;

namespace Platform.Core.Tenancy;

/// <summary>
/// Every web and worker process runs one: it LISTENs for <see cref="TenantChangeSignals"/> and drops the named tenant
/// from <see cref="ITenantStore"/>'s cache, so a suspension reaches every process within the notification's delay
/// (milliseconds), not the cache's 15 s. After every (re)connect it drops the whole cache: announcements made while it
/// was not listening are lost.
/// </summary>
public sealed partial class TenantChangeListener(BotDataSource dataSource, ITenantStore tenants, ILogger<TenantChangeListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {TenantChangeSignals.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (failures > 0)
                {
                    LogListeningAgain();
                }

                failures = 0;
                tenants.InvalidateAll();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                if (failures++ == 0)
                {
                    LogListeningFailed(e.Message);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Deliver(string payload)
    {
        if (Guid.TryParseExact(payload, "N", out var tenantId))
        {
            tenants.Invalidate(tenantId);
            LogTenantChanged(tenantId); // rare (an admin's action); also how a test sees another process forget a store
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} changed; its cached entry is dropped")]
    private partial void LogTenantChanged(Guid tenantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for tenant changes again")]
    private partial void LogListeningAgain();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Listening for tenant changes failed ({Error}); retrying every second, cached tenants expire within 15 s meanwhile")]
    private partial void LogListeningFailed(string error);
}
