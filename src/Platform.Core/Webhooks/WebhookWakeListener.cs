using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Core.Data;
using Platform.Core.Outbox;

namespace Platform.Core.Webhooks;

/// <summary>
/// One LISTEN connection per job-server process (with <see cref="WebhookOptions.WakeOnNotify"/>): a committed outbox event
/// (<see cref="OutboxSignals.Channel"/>) wakes its tenant's pass at once (<see cref="WebhookWakeups"/>), and another
/// replica's dispatch (<see cref="WebhookSenderSignals.DueChannel"/>) wakes this process's senders of that tenant.
/// Notifications are lost while it is not listening, so it reconnects every second, and after every (re)connect it
/// asks the pump for a full look (<see cref="Listening"/>); the pump's poll stays as the backstop meanwhile.
/// </summary>
public sealed partial class WebhookWakeListener(
    BotDataSource dataSource,
    WebhookWakeups wakeups,
    WebhookSenderSignals senderSignals,
    IOptions<WebhookOptions> options,
    ILogger<WebhookWakeListener> logger) : BackgroundService
{
    private TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool isListening;

    /// <summary>True while notifications are heard: the pump may slow to <see cref="WebhookOptions.BackstopInterval"/>.</summary>
    public bool IsListening => isListening;

    /// <summary>Completes at the next (re)connect, when notifications may have been missed and the pump should look.</summary>
    public Task Listening => Volatile.Read(ref listening).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WakeOnNotify)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Channel, e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxSignals.Channel}; LISTEN {WebhookSenderSignals.DueChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (failures > 0)
                {
                    LogListeningAgain();
                }

                failures = 0;
                isListening = true;
                Interlocked.Exchange(ref listening, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
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
                isListening = false;
                if (failures++ == 0)
                {
                    LogListeningFailed(e.Message); // one line per outage, not one per retry
                }

                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        isListening = false;
        await wakeups.StopAsync(); // before the database goes away: passes and local senders end, leases released
    }

    private void Deliver(string channel, string payload)
    {
        if (!Guid.TryParseExact(payload, "N", out var tenantId))
        {
            return;
        }

        if (channel == OutboxSignals.Channel)
        {
            wakeups.Wake(tenantId);
        }
        else
        {
            senderSignals.Pulse(tenantId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for outbox notifications again")]
    private partial void LogListeningAgain();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Listening for outbox notifications failed ({Error}); retrying every second, the webhook pump polls meanwhile")]
    private partial void LogListeningFailed(string error);
}
