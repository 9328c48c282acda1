using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Administration;
using Platform.Core.Identity;
using Platform.Core.Tenancy;

namespace Platform.Tests.Admin;

/// <summary>
/// Suspends, reactivates and freezes a store the way a platform admin does — through <see cref="TenantAdministration"/>
/// with an admin made for the purpose — then waits until this process's tenant cache shows the change (its NOTIFY
/// listener drops the entry; no test invalidates by hand). Tests of every area use it to change a store's status.
/// </summary>
public static class SuspensionTestAdmin
{
    public static Task<TenantInfo> SuspendAsync(IServiceProvider services, Guid tenantId, bool freezeDeliveries = false, string reason = "Test suspension") =>
        ChangeAsync(services, tenantId, t => !t.IsActive && t.DeliveriesFrozen == freezeDeliveries,
            (admin, actor) => admin.SuspendAsync(tenantId, actor, reason, freezeDeliveries, CancellationToken.None));

    public static Task<TenantInfo> ReactivateAsync(IServiceProvider services, Guid tenantId) =>
        ChangeAsync(services, tenantId, t => t.IsActive,
            (admin, actor) => admin.ReactivateAsync(tenantId, actor, "Test reactivation", CancellationToken.None));

    public static Task<TenantInfo> SetDeliveriesFrozenAsync(IServiceProvider services, Guid tenantId, bool frozen) =>
        ChangeAsync(services, tenantId, t => t.DeliveriesFrozen == frozen,
            (admin, actor) => admin.SetDeliveriesFrozenAsync(tenantId, actor, "Test freeze", frozen, CancellationToken.None));

    /// <summary>Suspended or active, whichever <paramref name="status"/> says (already there: nothing to do).</summary>
    public static Task<TenantInfo> SetStatusAsync(IServiceProvider services, Guid tenantId, TenantStatus status) =>
        status == TenantStatus.Active ? ReactivateAsync(services, tenantId) : SuspendAsync(services, tenantId);

    /// <summary>A platform admin of its own (a unique address: tests run in parallel), as the audit log names it.</summary>
    public static async Task<AdminActor> ActorAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var email = $"admin-{Guid.NewGuid():N}@example.test";
        var user = await scope.ServiceProvider.GetRequiredService<PlatformAdminService>()
            .EnsureAdminAsync(email, "correct horse battery staple", CancellationToken.None);
        return new AdminActor(user.Id, email);
    }

    /// <summary>Polls this process's tenant store until <paramref name="seen"/> holds; fails after <paramref name="within"/>.</summary>
    public static async Task<TimeSpan> WaitUntilSeenAsync(ITenantStore tenants, Guid tenantId, Func<TenantInfo, bool> seen, TimeSpan within)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await tenants.FindByIdAsync(tenantId, CancellationToken.None) is { } tenant && seen(tenant))
            {
                return clock.Elapsed;
            }

            Assert.True(clock.Elapsed < within, $"The tenant cache did not show the change within {within.TotalMilliseconds} ms.");
            await Task.Delay(5);
        }
    }

    private static async Task<TenantInfo> ChangeAsync(IServiceProvider services, Guid tenantId, Func<TenantInfo, bool> done,
        Func<TenantAdministration, AdminActor, Task<Platform.Core.Common.Result<TenantInfo>>> change)
    {
        var tenants = services.GetRequiredService<ITenantStore>();
        if (await tenants.FindByIdAsync(tenantId, CancellationToken.None) is not { } before || !done(before))
        {
            var actor = await ActorAsync(services);
            await using var scope = services.CreateAsyncScope();
            var result = await change(scope.ServiceProvider.GetRequiredService<TenantAdministration>(), actor);
            Assert.True(result.Succeeded, result.Failure?.Message);
        }

        await WaitUntilSeenAsync(tenants, tenantId, done, TimeSpan.FromSeconds(1));
        return (await tenants.FindByIdAsync(tenantId, CancellationToken.None))!;
    }
}
