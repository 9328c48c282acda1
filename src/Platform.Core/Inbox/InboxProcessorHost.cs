using System.Collections.Concurrent;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Bots;
using Platform.Core.Conversation;
using Platform.Core.Data;

namespace Platform.Core.Inbox;

/// <summary>
/// The buyer's hot path, in every process that runs a job server: it LISTENs for the inbox writer's commit-time
/// NOTIFY and runs the bot's <see cref="InboxProcessor"/> right here, without going through Hangfire's queue (whose
/// poll could leave an update waiting 30 s). Every listening process hears every signal; the processor's advisory
/// lock lets one of them work and the others leave, and the holder looks again after it lets go, so nothing is
/// stranded. A run that fails is handed to Hangfire (its retries and back-off); the minute sweep stays the backstop.
/// </summary>
public sealed class InboxProcessorHost(
    InboxSignals signals, IServiceScopeFactory scopes, CrossTenantReaderFactory readers, IBackgroundJobClient jobs, IOptions<TelegramOptions> options,
    ILogger<InboxProcessorHost> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, BotRun> runs = new();
    private readonly SemaphoreSlim slots = new(options.Value.ProcessorMaxBotsAtOnce);
    private CancellationToken stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        await Task.Yield(); // the warm-up must not hold up the host's start
        WarmUp();
        signals.Start(Wake, () => _ = RecheckAsync());
        await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>The first update after a start would otherwise wait for the reader's and the handler's first-use costs (JIT, DI).</summary>
    private void WarmUp()
    {
        try
        {
            UpdateReader.WarmUp();
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<BotUpdateHandler>();
        }
        catch (Exception e)
        {
            logger.LogWarning("Warming the processor up failed ({Error}); the first updates will be slower", e.Message);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken); // cancels the runs' token
        await signals.StopAsync(); // before the database goes away, and quietly
        await Task.WhenAll(runs.Values.Select(r => r.Task)).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Updates were committed for the bot: run its processor, or make the running one look again when it ends.</summary>
    private void Wake(Guid tenantId, Guid botId)
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        var run = runs.GetOrAdd(botId, _ => new BotRun());
        lock (run)
        {
            if (run.Running)
            {
                // Its lanes woke on the same signal; if it is already finishing, it runs once more (below).
                run.Again = true;
                return;
            }

            run.Running = true;
            run.Task = Task.Run(() => RunAsync(run, tenantId, botId));
        }
    }

    private async Task RunAsync(BotRun run, Guid tenantId, Guid botId)
    {
        while (true)
        {
            await ProcessAsync(tenantId, botId);
            lock (run)
            {
                if (!run.Again || stopping.IsCancellationRequested)
                {
                    run.Running = false;
                    return;
                }

                run.Again = false;
            }
        }
    }

    private async Task ProcessAsync(Guid tenantId, Guid botId)
    {
        try
        {
            await slots.WaitAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<InboxProcessor>().ProcessBotAsync(tenantId, botId, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: what is left is unprocessed and the next sweep (any process) takes it.
        }
        catch (Exception e)
        {
            // A failing update keeps its place and its attempt count; Hangfire retries with back-off, as for any job.
            logger.LogWarning("The processor of bot {BotId} failed ({Error}); Hangfire retries it", botId, e.Message);
            TryEnqueueRetry(tenantId, botId);
        }
        finally
        {
            slots.Release();
        }
    }

    private void TryEnqueueRetry(Guid tenantId, Guid botId)
    {
        try
        {
            jobs.Schedule<InboxProcessor>(p => p.ProcessBotAsync(tenantId, botId, CancellationToken.None), TimeSpan.FromSeconds(1));
        }
        catch (Exception e)
        {
            logger.LogWarning("Scheduling the retry of bot {BotId} failed ({Error}); the inbox sweep takes it", botId, e.Message);
        }
    }

    /// <summary>After (re)connecting the listener: signals may have been missed, so every bot with pending updates is woken.</summary>
    private async Task RecheckAsync()
    {
        try
        {
            await using var db = readers.CreateReader();
            var bots = await db.InboxUpdates.Where(u => u.ProcessedAt == null).Select(u => new { u.TenantId, u.BotId }).Distinct().ToListAsync(stopping);
            foreach (var bot in bots)
            {
                Wake(bot.TenantId, bot.BotId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            logger.LogWarning("Looking for pending updates after listening again failed ({Error}); the inbox sweep takes them", e.Message);
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }

    /// <summary>One bot's in-process processor: running, and whether a signal came while it was finishing.</summary>
    private sealed class BotRun
    {
        public bool Running { get; set; }
        public bool Again { get; set; }
        public Task Task { get; set; } = Task.CompletedTask;
    }
}
