using Microsoft.EntityFrameworkCore;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Tenancy;

namespace Platform.Web.LocalRun;

/// <summary>
/// The local run's bots live in its in-process sandbox, and their webhooks name the address of the run that
/// registered them. Started on another port (<c>--urls</c>), every chat would go silent: at start, each bot of every
/// store whose webhook points elsewhere is re-synced to this run's address (a fresh secret too, as a re-sync does).
/// </summary>
public static class LocalSandboxBots
{
    /// <summary>How many bots were re-pointed.</summary>
    public static async Task<int> RepointAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        List<(Guid BotId, Guid TenantId, string Username)> bots;
        await using (var reader = services.GetRequiredService<CrossTenantReaderFactory>().CreateReader())
        {
            bots = (await reader.Bots.Where(b => b.Status != BotStatus.Broken).OrderBy(b => b.CreatedAt)
                .Select(b => new { b.Id, b.TenantId, b.Username }).ToListAsync(cancellationToken))
                .Select(b => (b.Id, b.TenantId, b.Username)).ToList();
        }

        var moved = 0;
        var tenants = services.GetRequiredService<ITenantStore>();
        foreach (var (botId, tenantId, username) in bots)
        {
            if (await tenants.FindByIdAsync(tenantId, cancellationToken) is not { } tenant)
            {
                continue;
            }

            await using var scope = services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant);
            if (await scope.ServiceProvider.GetRequiredService<BotRegistrationService>().ResyncIfStaleAsync(botId, cancellationToken))
            {
                moved++;
                logger.LogInformation("The webhook of @{Username} pointed at an earlier run's address; it now points at this run", username);
            }
        }

        return moved;
    }
}
