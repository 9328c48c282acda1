using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Platform.Core.Tenancy;

namespace Platform.Core.Jobs;

/// <summary>
/// How every per-tenant job starts: Hangfire hands it ids only, so it looks the tenant up, ends quietly (one log line,
/// no retry) when the tenant is gone — deleted between enqueue and run — and otherwise runs its body in a DI scope bound
/// to that tenant (<see cref="TenantScopeFactory"/>), so the body's DbContext sees only the tenant's rows. Written once
/// here instead of in every job.
/// </summary>
public sealed class TenantJobScope(ITenantStore tenants, TenantScopeFactory scopes, ILogger<TenantJobScope> logger)
{
    /// <summary>
    /// Runs <paramref name="body"/> with the tenant and its scope's services; returns <paramref name="whenGone"/>
    /// without running it when the tenant does not exist.
    /// </summary>
    public async Task<T> RunAsync<T>(
        Guid tenantId, T whenGone, Func<TenantInfo, IServiceProvider, Task<T>> body, CancellationToken cancellationToken,
        [CallerFilePath] string jobFile = "", [CallerMemberName] string jobMethod = "")
    {
        if (await FindTenantAsync(tenantId, cancellationToken, jobFile, jobMethod) is not { } tenant)
        {
            return whenGone;
        }

        await using var scope = scopes.CreateScope(tenant);
        return await body(tenant, scope.ServiceProvider);
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(
        Guid tenantId, Func<TenantInfo, IServiceProvider, Task> body, CancellationToken cancellationToken,
        [CallerFilePath] string jobFile = "", [CallerMemberName] string jobMethod = "") =>
        RunAsync(tenantId, whenGone: false, async (tenant, services) =>
        {
            await body(tenant, services);
            return true;
        }, cancellationToken, jobFile, jobMethod);

    /// <summary>
    /// The tenant, or null (logged) when it is gone. For a job that opens several scopes of its own (the inbox
    /// processor opens one per update), so it cannot run in one. The log names the job by its file (one type per
    /// file) and method, which the compiler fills in.
    /// </summary>
    public async Task<TenantInfo?> FindTenantAsync(
        Guid tenantId, CancellationToken cancellationToken, [CallerFilePath] string jobFile = "", [CallerMemberName] string jobMethod = "")
    {
        var tenant = await tenants.FindByIdAsync(tenantId, cancellationToken);
        if (tenant is null)
        {
            logger.LogInformation(
                "Tenant {TenantId} no longer exists; job {Job}.{Method} ends without work", tenantId, Path.GetFileNameWithoutExtension(jobFile), jobMethod);
        }

        return tenant;
    }
}
