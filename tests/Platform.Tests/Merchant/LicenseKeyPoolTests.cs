using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Outbox;
using Platform.Core.Tenancy;

namespace Platform.Tests.Merchant;

public sealed class LicenseKeyPoolTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    private async Task<(TenantInfo Tenant, Product Product)> KeyProductAsync(params string[] keys)
    {
        var (tenant, _) = await app.NewStoreAsync("Keys");
        var product = await app.InTenantAsync(tenant, async sp =>
        {
            var result = await sp.GetRequiredService<ProductService>().CreateAsync(new ProductInput
            {
                Kind = ProductKind.LicenseKey,
                Title = "Pro licence",
                Description = "",
                PriceStars = 100,
                State = ProductState.Published,
            }, CancellationToken.None);
            await sp.GetRequiredService<LicenseKeyPool>().AddAsync(result.Value!.Id, keys, CancellationToken.None);
            return result.Value!;
        });
        return (tenant, product);
    }

    private Task<Order> OrderAsync(TenantInfo tenant, Product product) =>
        app.InTenantAsync(tenant, sp => MerchantAppFactory.NewOrderAsync(sp, product, OrderStatus.Pending));

    [Fact]
    public async Task Two_hundred_concurrent_reservations_on_a_hundred_keys_reserve_exactly_a_hundred_distinct_keys()
    {
        var (tenant, product) = await KeyProductAsync(Enumerable.Range(1, 100).Select(i => $"KEY-{i:D4}").ToArray());
        var orders = new List<Order>();
        for (var i = 0; i < 200; i++)
        {
            orders.Add(await OrderAsync(tenant, product));
        }

        var until = DateTimeOffset.UtcNow.AddMinutes(10);
        var reserved = new ConcurrentBag<(Guid Order, string Key)>();
        // All 200 race at once; the gate only keeps this class under the shared test server's connection limit.
        using var gate = new SemaphoreSlim(50);
        using var start = new ManualResetEventSlim();
        var racers = orders.Select(order => Task.Run(async () =>
        {
            start.Wait();
            await gate.WaitAsync();
            using var release = new Releaser(gate);
            var key = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<LicenseKeyPool>()
                .TryReserveAsync(product.Id, order.Id, until, CancellationToken.None));
            if (key is not null)
            {
                reserved.Add((order.Id, key.Value));
            }
        })).ToList();
        start.Set();
        await Task.WhenAll(racers);

        Assert.Equal(100, reserved.Count);
        Assert.Equal(100, reserved.Select(r => r.Key).Distinct().Count());
        Assert.Equal(100, reserved.Select(r => r.Order).Distinct().Count());
        Assert.Equal(0, await app.InTenantAsync(tenant, sp => sp.GetRequiredService<LicenseKeyPool>().AvailableCountAsync(product.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task A_retried_reservation_for_the_same_order_returns_the_same_key_and_selling_it_is_idempotent()
    {
        var (tenant, product) = await KeyProductAsync("A-1", "A-2", "A-3");
        var order = await OrderAsync(tenant, product);
        var until = DateTimeOffset.UtcNow.AddMinutes(10);
        await app.InTenantAsync(tenant, async sp =>
        {
            var pool = sp.GetRequiredService<LicenseKeyPool>();
            var first = await pool.TryReserveAsync(product.Id, order.Id, until, CancellationToken.None);
            var second = await pool.TryReserveAsync(product.Id, order.Id, until.AddMinutes(5), CancellationToken.None);
            Assert.Equal(first!.Id, second!.Id);
            Assert.True(await pool.MarkSoldAsync(order.Id, CancellationToken.None));
            Assert.True(await pool.MarkSoldAsync(order.Id, CancellationToken.None));
            var third = await pool.TryReserveAsync(product.Id, order.Id, until, CancellationToken.None);
            Assert.Equal(first.Id, third!.Id);
            Assert.Equal(LicenseKeyStatus.Sold, third.Status);
            Assert.Equal(2, await pool.AvailableCountAsync(product.Id, CancellationToken.None));
            return 0;
        });
    }

    [Fact]
    public async Task A_revoked_key_is_never_sold_again()
    {
        var (tenant, product) = await KeyProductAsync("ONLY-ONE");
        var buyer = await OrderAsync(tenant, product);
        var next = await OrderAsync(tenant, product);
        await app.InTenantAsync(tenant, async sp =>
        {
            var pool = sp.GetRequiredService<LicenseKeyPool>();
            await pool.TryReserveAsync(product.Id, buyer.Id, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None);
            await pool.MarkSoldAsync(buyer.Id, CancellationToken.None);
            Assert.True(await pool.RevokeAsync(buyer.Id, CancellationToken.None));
            Assert.Null(await pool.TryReserveAsync(product.Id, buyer.Id, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None));
            Assert.Null(await pool.TryReserveAsync(product.Id, next.Id, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None));
            Assert.Equal(0, await pool.ReleaseExpiredAsync(CancellationToken.None));
            return 0;
        });
    }

    [Fact]
    public async Task An_expired_reservation_goes_back_to_stock()
    {
        var (tenant, product) = await KeyProductAsync("EXP-1");
        var walkedAway = await OrderAsync(tenant, product);
        var next = await OrderAsync(tenant, product);
        await app.InTenantAsync(tenant, async sp =>
        {
            var pool = sp.GetRequiredService<LicenseKeyPool>();
            var held = await pool.TryReserveAsync(product.Id, walkedAway.Id, DateTimeOffset.UtcNow.AddSeconds(-1), CancellationToken.None);
            Assert.NotNull(held);
            Assert.Equal(1, await pool.AvailableCountAsync(product.Id, CancellationToken.None));
            Assert.Equal(1, await pool.ReleaseExpiredAsync(CancellationToken.None));
            var taken = await pool.TryReserveAsync(product.Id, next.Id, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);
            Assert.Equal(held!.Id, taken!.Id);
            return 0;
        });
    }

    [Fact]
    public async Task Selling_the_last_key_emits_product_sold_out_once_through_the_outbox()
    {
        var (tenant, product) = await KeyProductAsync("L-1", "L-2");
        var first = await OrderAsync(tenant, product);
        var second = await OrderAsync(tenant, product);
        await app.InTenantAsync(tenant, async sp =>
        {
            var pool = sp.GetRequiredService<LicenseKeyPool>();
            var db = sp.GetRequiredService<PlatformDbContext>();
            foreach (var order in new[] { first, second })
            {
                await pool.TryReserveAsync(product.Id, order.Id, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);
            }

            await pool.MarkSoldAsync(first.Id, CancellationToken.None);
            Assert.Equal(0, await db.OutboxEvents.CountAsync(e => e.Type == EventTypes.ProductSoldOut));
            await pool.MarkSoldAsync(second.Id, CancellationToken.None);
            await pool.MarkSoldAsync(second.Id, CancellationToken.None);
            var soldOut = await db.OutboxEvents.Where(e => e.Type == EventTypes.ProductSoldOut).ToListAsync();
            Assert.Single(soldOut);
            Assert.Contains(product.Id.ToString(), soldOut[0].Data);
            return 0;
        });
    }

    [Fact]
    public async Task Bulk_add_skips_and_counts_duplicates_inside_the_batch_and_against_the_pool()
    {
        var (tenant, product) = await KeyProductAsync("DUP-1", "DUP-2");
        var text = "NEW-1\r\n\r\n  NEW-2  \nDUP-1\nNEW-1\nDUP-2\n" + new string('x', 600) + "\n";
        var result = await app.InTenantAsync(tenant, sp =>
            sp.GetRequiredService<LicenseKeyPool>().AddAsync(product.Id, LicenseKeyText.Parse(text), CancellationToken.None));
        Assert.Equal(new KeyAddResult(2, 3, 1), result);
        Assert.Equal("2 added, 3 duplicates skipped, 1 longer than 512 characters refused", result.Summary);
        var csv = LicenseKeyText.Parse("key,note\n\"CSV-1\",first\nCSV-2;second\n", csv: true);
        Assert.Equal(["CSV-1", "CSV-2"], csv);
    }

    [Fact]
    public async Task The_demo_catalog_has_one_published_product_of_each_kind_and_is_made_once()
    {
        var (tenant, _) = await app.NewStoreAsync("Demo");
        for (var i = 0; i < 2; i++)
        {
            await app.InTenantAsync(tenant, async sp =>
            {
                await sp.GetRequiredService<DemoCatalog>().EnsureAsync(CancellationToken.None);
                return 0;
            });
        }

        var page = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<CatalogReader>().ListPublishedAsync(null, 0, 10, CancellationToken.None));
        Assert.Equal([ProductKind.File, ProductKind.LicenseKey, ProductKind.Text], page.Items.Select(p => p.Kind).Order());
        var keyProduct = page.Items.Single(p => p.Kind == ProductKind.LicenseKey);
        Assert.Equal(5, await app.InTenantAsync(tenant, sp => sp.GetRequiredService<LicenseKeyPool>()
            .AvailableCountAsync(keyProduct.Id, CancellationToken.None)));
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
