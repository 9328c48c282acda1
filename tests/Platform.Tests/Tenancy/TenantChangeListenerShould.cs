using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Core.Tenancy;
using Platform.Tests.Infrastructure;
using Platform.Tests.Portal;

namespace Platform.Tests.Tenancy;

/// <summary>
/// A tenant changed by another process reaches this one through PostgreSQL NOTIFY: the cached store is dropped the
/// moment the change commits, not when the 15 s cache runs out.
/// </summary>
public sealed class TenantChangeListenerShould(PlatformAppFactory app) : IClassFixture<PlatformAppFactory>
{
    [Fact]
    public async Task Drop_a_cached_tenant_within_a_second_of_another_process_announcing_its_change()
    {
        var store = (await app.SignUpStoreAsync("Listener Store", PortalClient.UniqueEmail("listener"), PortalClient.Password)).Tenant!;
        var tenants = app.Services.GetRequiredService<ITenantStore>();
        Assert.True((await tenants.FindByIdAsync(store.Id, CancellationToken.None))!.IsActive);

        // Another process changing the row without announcing it: this process keeps serving its cached copy.
        await ChangeStatusAsync(store.Id, TenantStatus.Suspended, announce: false);
        Assert.True((await tenants.FindByIdAsync(store.Id, CancellationToken.None))!.IsActive);
        Assert.True((await tenants.FindBySlugAsync(store.Slug, CancellationToken.None))!.IsActive);

        // The same change announced in its transaction, as TenantAdministration does: seen at once, by id and by slug.
        await ChangeStatusAsync(store.Id, TenantStatus.Suspended, announce: true);
        var clock = Stopwatch.StartNew();
        while ((await tenants.FindByIdAsync(store.Id, CancellationToken.None))!.IsActive && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10); // waiting on another connection's notification, not for time to pass
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the change took {clock.ElapsedMilliseconds} ms to arrive");
        Assert.False((await tenants.FindBySlugAsync(store.Slug, CancellationToken.None))!.IsActive);
    }

    private async Task ChangeStatusAsync(Guid tenantId, TenantStatus status, bool announce)
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand("""UPDATE "Tenants" SET "Status" = $1 WHERE "Id" = $2""", connection, transaction))
        {
            update.Parameters.Add(new() { Value = status.ToString() });
            update.Parameters.Add(new() { Value = tenantId });
            await update.ExecuteNonQueryAsync();
        }

        if (announce)
        {
            await using var notify = new NpgsqlCommand($"SELECT pg_notify('{TenantChangeSignals.Channel}', $1)", connection, transaction);
            notify.Parameters.Add(new() { Value = tenantId.ToString("N") });
            await notify.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
