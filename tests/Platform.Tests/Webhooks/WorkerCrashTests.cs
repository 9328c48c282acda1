using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Core.Data;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;
using Platform.Tests.Infrastructure;
using Platform.Worker;

namespace Platform.Tests.Webhooks;

/// <summary>
/// The real Worker as a child process (`dotnet Platform.Worker.dll`), killed while it is dispatching and sending, then
/// restarted: every event still ends delivered (at least once). Real time here: the clock is the worker's own.
/// </summary>
public sealed class WorkerCrashTests
{
    private const int EventCount = 300;

    [Fact]
    public async Task The_worker_killed_mid_dispatch_loses_no_event()
    {
        var database = await TestPostgres.Instance.CreateDatabaseAsync("webhookcrash");
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Reply = _ => new ReceiverReply(200, Delay: TimeSpan.FromMilliseconds(20));

        using var host = WorkerHost.Build([], builder =>
        {
            builder.Environment.EnvironmentName = "Testing";
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Platform"] = database.AppConnectionString });
        });
        var tenant = new TenantInfo(Guid.CreateVersion7(), "crash-" + Guid.NewGuid().ToString("N")[..8], "Crash", TenantStatus.Active);
        var eventIds = new HashSet<string>();
        await using (var scope = host.Services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Tenants.Add(new Tenant { Id = tenant.Id, Slug = tenant.Slug, Name = tenant.Name, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            var created = await scope.ServiceProvider.GetRequiredService<WebhookEndpointService>()
                .CreateAsync(new WebhookEndpointInput(receiver.Url(), "crash", null), CancellationToken.None);
            Assert.True(created.Succeeded);
            for (var i = 0; i < EventCount; i++)
            {
                eventIds.Add(db.AddOutboxEvent(EventTypes.OrderPaid, new { Index = i }, DateTimeOffset.UtcNow).Id.ToString());
            }

            await db.SaveChangesAsync();
        }

        using (var first = StartWorker(database.AppConnectionString))
        {
            await WaitForAsync(() => receiver.Requests.Count >= 40, first);
            first.Kill(entireProcessTree: true); // mid-way: deliveries claimed and requests in flight
            await first.WaitForExitAsync();
        }

        Assert.True(receiver.Requests.Select(r => r.Id).Distinct().Count() < EventCount, "the kill should happen mid-way");

        using var second = StartWorker(database.AppConnectionString);
        try
        {
            await WaitForAsync(() => eventIds.IsSubsetOf(receiver.Requests.Select(r => r.Id).ToHashSet()), second, TimeSpan.FromSeconds(90));
            await using var scope = host.Services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await WaitForAsync(async () => await db.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Succeeded) == EventCount, second);
            Assert.Equal(0, await db.OutboxEvents.CountAsync(e => e.DispatchedAt == null));
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    private static Process StartWorker(string connectionString)
    {
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "Platform.Worker.dll")])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Platform"] = connectionString;
        // Short leases so the restarted worker picks up the killed one's claims within seconds.
        start.Environment["Webhooks__RequestTimeout"] = "00:00:03";
        start.Environment["Webhooks__ClaimLease"] = "00:00:04";
        start.Environment["Webhooks__SenderLease"] = "00:00:04";
        start.Environment["Webhooks__BatchSize"] = "50";
        start.Environment["Webhooks__ConcurrencyPerEndpoint"] = "50";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Task WaitForAsync(Func<bool> condition, Process worker, TimeSpan? timeout = null) =>
        WaitForAsync(() => Task.FromResult(condition()), worker, timeout);

    /// <summary>Polls another process's progress (not waiting for time to pass), failing fast if the worker died.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition, Process worker, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.False(worker.HasExited, $"The worker exited with code {(worker.HasExited ? worker.ExitCode : 0)}.");
            Assert.True(deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)), "Timed out waiting for the worker.");
            await Task.Delay(50);
        }
    }
}
