using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Orders;
using Platform.Web.Api;

namespace Platform.Tests.Merchant;

/// <summary>The recurring clean-up jobs: each does its work once, and a second run (Hangfire runs jobs more than once) finds nothing to do.</summary>
public sealed class MaintenanceJobsTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    [Fact]
    public async Task Pending_orders_older_than_a_day_become_abandoned_once_and_the_portal_and_API_call_them_abandoned()
    {
        var (tenant, email) = await app.NewStoreAsync("Abandon");
        var file = await app.UploadAsync(tenant, "%PDF-1.4 old"u8.ToArray(), "old.pdf");
        var (product, paid) = await app.PaidFileOrderAsync(tenant, file);
        var stale = await app.InTenantAsync(tenant, sp => MerchantAppFactory.NewOrderAsync(sp, product, OrderStatus.Pending));
        var fresh = await app.InTenantAsync(tenant, sp => MerchantAppFactory.NewOrderAsync(sp, product, OrderStatus.Pending));
        await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Orders.Where(o => o.Id == stale.Id || o.Id == paid.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedAt, DateTimeOffset.UtcNow.AddHours(-25))));

        var first = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<OrderAbandonmentJob>().AbandonTenantAsync(tenant.Id, CancellationToken.None));
        var second = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<OrderAbandonmentJob>().AbandonTenantAsync(tenant.Id, CancellationToken.None));

        Assert.Equal((1, 0), (first, second));
        var statuses = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Orders.ToDictionaryAsync(o => o.Id, o => o.Status));
        Assert.Equal(OrderStatus.Abandoned, statuses[stale.Id]);
        Assert.Equal(OrderStatus.Pending, statuses[fresh.Id]);
        Assert.Equal(OrderStatus.Paid, statuses[paid.Id]);
        using var client = await app.SignedInClientAsync(email, tenant);
        var page = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/orders?Status=Abandoned");
        var row = Assert.Single(page.QuerySelectorAll("#orders tbody tr"));
        Assert.Equal(stale.Id.ToString(), row.GetAttribute("data-id"));
        Assert.Equal("Abandoned", row.QuerySelector(".status")!.TextContent.Trim());
        Assert.Equal("abandoned", ApiNames.Of(OrderStatus.Abandoned));
    }

    [Fact]
    public async Task Lapsed_key_holds_are_released_by_the_job_and_a_second_run_releases_nothing()
    {
        var (tenant, _) = await app.NewStoreAsync("Release");
        var product = await app.InTenantAsync(tenant, async sp =>
        {
            var created = await sp.GetRequiredService<ProductService>().CreateAsync(new ProductInput
            {
                Kind = ProductKind.LicenseKey,
                Title = "Licence",
                Description = "",
                PriceStars = 10,
                State = ProductState.Published,
            }, CancellationToken.None);
            await sp.GetRequiredService<LicenseKeyPool>().AddAsync(created.Value!.Id, ["KEY-A", "KEY-B"], CancellationToken.None);
            return created.Value!;
        });
        var lapsed = await app.InTenantAsync(tenant, sp => MerchantAppFactory.NewOrderAsync(sp, product, OrderStatus.Pending));
        var holding = await app.InTenantAsync(tenant, sp => MerchantAppFactory.NewOrderAsync(sp, product, OrderStatus.Pending));
        await app.InTenantAsync(tenant, sp => sp.GetRequiredService<LicenseKeyPool>().TryReserveAsync(product.Id, holding.Id,
            DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None));
        await app.InTenantAsync(tenant, sp => sp.GetRequiredService<LicenseKeyPool>().TryReserveAsync(product.Id, lapsed.Id,
            DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None));

        var job = app.Services.GetRequiredService<KeyReservationReleaseJob>();
        var first = await job.ReleaseTenantAsync(tenant.Id, CancellationToken.None);
        var second = await job.ReleaseTenantAsync(tenant.Id, CancellationToken.None);

        Assert.Equal((1, 0), (first, second));
        // Keys added in one batch share a creation time, so which key each order got is not fixed: compare as a set.
        var keys = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().LicenseKeys.ToListAsync());
        Assert.Equal([(LicenseKeyStatus.Available, (Guid?)null), (LicenseKeyStatus.Reserved, holding.Id)], keys.Select(k => (k.Status, k.OrderId))
            .OrderBy(k => k.Status));
    }

    [Fact]
    public async Task Old_tokens_that_are_no_longer_valid_are_pruned_once_and_live_ones_are_kept()
    {
        var (revoked, live) = await WithScopeAsync(async sp =>
        {
            var tokens = sp.GetRequiredService<IOpenIddictTokenManager>();
            var old = DateTimeOffset.UtcNow.AddDays(-30);
            var revokedToken = await tokens.CreateAsync(new OpenIddictTokenDescriptor
            {
                Subject = "someone",
                Type = OpenIddictConstants.TokenTypeHints.AccessToken,
                Status = OpenIddictConstants.Statuses.Revoked,
                CreationDate = old,
                ExpirationDate = old.AddHours(1),
            });
            var liveToken = await tokens.CreateAsync(new OpenIddictTokenDescriptor
            {
                Subject = "someone",
                Type = OpenIddictConstants.TokenTypeHints.RefreshToken,
                Status = OpenIddictConstants.Statuses.Valid,
                CreationDate = DateTimeOffset.UtcNow,
                ExpirationDate = DateTimeOffset.UtcNow.AddDays(14),
            });
            return ((await tokens.GetIdAsync(revokedToken))!, (await tokens.GetIdAsync(liveToken))!);
        });

        var first = await WithScopeAsync(sp => sp.GetRequiredService<IdentityTokenPruningJob>().PruneAsync(CancellationToken.None));
        var second = await WithScopeAsync(sp => sp.GetRequiredService<IdentityTokenPruningJob>().PruneAsync(CancellationToken.None));

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Null(await WithScopeAsync(async sp => await sp.GetRequiredService<IOpenIddictTokenManager>().FindByIdAsync(revoked)));
        Assert.NotNull(await WithScopeAsync(async sp => await sp.GetRequiredService<IOpenIddictTokenManager>().FindByIdAsync(live)));
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
