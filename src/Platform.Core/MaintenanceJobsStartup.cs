using Hangfire;
using Microsoft.Extensions.Hosting;
using Platform.Core.Catalog;
using Platform.Core.Identity;
using Platform.Core.Orders;

namespace Platform.Core;

/// <summary>
/// On a job server's start: the clean-up jobs become recurring (idempotently, so every replica may do it). Each is
/// safe to run twice or concurrently: every change is one conditional statement. Part of the composition (root
/// namespace), not of <c>Maintenance</c>: it schedules other modules' jobs, and those jobs read Maintenance's options.
/// </summary>
public sealed class MaintenanceJobsStartup(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<OrderAbandonmentJob>(OrderAbandonmentJob.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), Cron.Hourly());
        recurring.AddOrUpdate<KeyReservationReleaseJob>(KeyReservationReleaseJob.RecurringJobId, j => j.FanOutAsync(CancellationToken.None), "*/10 * * * *");
        recurring.AddOrUpdate<IdentityTokenPruningJob>(IdentityTokenPruningJob.RecurringJobId, j => j.PruneAsync(CancellationToken.None), Cron.Daily());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
