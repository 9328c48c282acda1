using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Core.Administration;
using Platform.Core.Bots;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Ledger;
using Platform.Core.Tenancy;
using Platform.Tests.Merchant;
using Platform.Tests.Portal;

namespace Platform.Tests.Admin;

/// <summary>
/// The merchant host on a clock the test moves (so a sign-in can grow old), with helpers for the admin stores tests:
/// platform admins signed in through the real login (which sets <c>auth_time</c>), bots, sales on the ledger and the
/// daily-figures rollup behind the stores list.
/// </summary>
public sealed class StoresAdminAppFactory : ClockedMerchantAppFactory
{
    public async Task<string> NewAdminAsync()
    {
        var email = $"ops-{Guid.NewGuid():N}@example.test";
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformAdminService>().EnsureAdminAsync(email, Password, CancellationToken.None);
        return email;
    }

    /// <summary>A platform admin with a browser-like client, signed in through <c>/login</c> (landing on /admin).</summary>
    public async Task<PortalClient> AdminClientAsync(string email)
    {
        var client = new PortalClient(this);
        using var response = await client.LoginAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>A sale of <paramref name="stars"/> on the store's ledger at <paramref name="at"/>, then the figures rebuilt.</summary>
    public async Task SellAsync(TenantInfo tenant, Guid botId, long stars, DateTimeOffset at)
    {
        await InTenantAsync(tenant, async sp =>
        {
            var entry = sp.GetRequiredService<LedgerEntries>().SaleCredit(botId, "charge-" + Guid.NewGuid().ToString("N"), stars, null, renewal: false, at);
            await LedgerEntries.InsertOnceAsync(sp.GetRequiredService<PlatformDbContext>(), entry, tenant.Id, CancellationToken.None);
            return true;
        });
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        await Services.GetRequiredService<DailyStoreFiguresRollup>().RebuildAsync(today.AddDays(-60), today, CancellationToken.None);
    }

    public async Task<T> ReadAsync<T>(Func<PlatformDbContext, Task<T>> read)
    {
        await using var db = Services.GetRequiredService<CrossTenantReaderFactory>().CreateReader();
        return await read(db);
    }
}
