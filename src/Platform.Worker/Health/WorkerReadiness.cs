using Microsoft.EntityFrameworkCore;
using Platform.Core.Data;

namespace Platform.Worker.Health;

/// <summary>
/// Ready means what it means for the web (its <c>DatabaseReadyHealthCheck</c>): PostgreSQL answers and every migration
/// this build knows is applied. A worker on an older schema would run jobs against tables that are not there yet, so
/// during an upgrade it stays unready until the migration hook has run.
/// </summary>
internal sealed class WorkerReadiness(IServiceScopeFactory scopes, ILogger<WorkerReadiness> logger)
{
    /// <summary>Null when ready; otherwise why not (said in the probe's answer, never a connection string).</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0 ? null : $"{pending} migration(s) not applied; run the migrate step.";
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning(ex, "Readiness: the database is unreachable.");
            return "Database unreachable.";
        }
    }
}
