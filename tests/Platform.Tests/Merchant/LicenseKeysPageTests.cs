using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Data;

namespace Platform.Tests.Merchant;

/// <summary>Issue 18, point 4: a key product's keys page — statuses, counts, filter, paging, CSV export and removing
/// unsold keys only (also against a forged form), never across stores.</summary>
public sealed class LicenseKeysPageTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    [Fact]
    public async Task The_keys_page_lists_every_key_with_its_status_counts_a_filter_and_pages()
    {
        var (tenant, email) = await app.NewStoreAsync("Keys");
        var keys = Enumerable.Range(1, 120).Select(i => $"KEY-{i:D4}").ToList();
        var product = await DCatalogSeed.KeyProductAsync(app, tenant, "Pro key", keys);
        var (order, sold) = await DCatalogSeed.SellKeyAsync(app, tenant, product);
        using var client = await app.SignedInClientAsync(email, tenant);
        var path = $"/stores/{tenant.Slug}/products/{product.Id}/keys";

        var page = await PageForms.GetPageAsync(client, path);
        Assert.Equal("119", page.QuerySelector("#stock")!.TextContent.Trim());
        Assert.Equal("available: 119", page.QuerySelector("#key-counts li[data-status=Available]")!.TextContent.Trim());
        Assert.Equal("sold: 1", page.QuerySelector("#key-counts li[data-status=Sold]")!.TextContent.Trim());
        Assert.Equal(50, page.QuerySelectorAll("#keys tbody tr").Length);
        Assert.Contains("page 1 of 3", page.QuerySelector("#keys caption")!.TextContent);
        Assert.Equal($"{path}?p=2", page.QuerySelector("#next-page")!.GetAttribute("href"));

        var last = await PageForms.GetPageAsync(client, $"{path}?p=3");
        Assert.Equal(20, last.QuerySelectorAll("#keys tbody tr").Length);
        Assert.Null(last.QuerySelector("#next-page"));

        var onlySold = await PageForms.GetPageAsync(client, $"{path}?status=Sold");
        var row = Assert.Single(onlySold.QuerySelectorAll("#keys tbody tr"));
        Assert.Equal(sold.Value, row.QuerySelector("code")!.TextContent);
        Assert.Equal("sold", row.QuerySelector(".status")!.TextContent.Trim());
        Assert.Equal($"/stores/{tenant.Slug}/orders/{order.Id}", row.QuerySelector("a.order")!.GetAttribute("href"));
        Assert.Null(row.QuerySelector("details.confirm")); // a sold key offers no Remove
        Assert.Empty((await PageForms.GetPageAsync(client, $"{path}?status=Revoked")).QuerySelectorAll("#keys tbody tr"));
        Assert.Equal(20, (await PageForms.GetPageAsync(client, $"{path}?status=nonsense&p=99")).QuerySelectorAll("#keys tbody tr").Length);

        var form = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/products/{product.Id}");
        Assert.Equal(path, form.QuerySelector("#keys-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Export_csv_holds_every_key_with_its_status_and_guards_against_spreadsheet_formulas()
    {
        var (tenant, email) = await app.NewStoreAsync("Export");
        var product = await DCatalogSeed.KeyProductAsync(app, tenant, "Pro key", ["PLAIN-1"]);
        var (order, _) = await DCatalogSeed.SellKeyAsync(app, tenant, product);
        await app.InTenantAsync(tenant, sp => sp.GetRequiredService<LicenseKeyPool>()
            .AddAsync(product.Id, ["=HYPERLINK(\"x\")", "AB,CD", "-2+3"], CancellationToken.None));
        using var client = await app.SignedInClientAsync(email, tenant);

        using var response = await client.GetAsync($"/stores/{tenant.Slug}/products/{product.Id}/keys?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("key,status,added_utc,order_id", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("'-2+3,available,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(\"\"x\"\")\",", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("\"AB,CD\",available,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PLAIN-1,sold,", StringComparison.Ordinal) && l.EndsWith(order.Id.ToString(), StringComparison.Ordinal));

        using var soldOnly = await client.GetAsync($"/stores/{tenant.Slug}/products/{product.Id}/keys?handler=Export&status=Sold");
        Assert.Equal(2, (await soldOnly.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        using var anonymous = app.CreateHttpClient();
        using var refused = await anonymous.GetAsync($"/stores/{tenant.Slug}/products/{product.Id}/keys?handler=Export");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("PLAIN-1", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_available_key_is_removed_after_confirming_and_a_sold_key_never_is_even_by_a_forged_post()
    {
        var (tenant, email) = await app.NewStoreAsync("Remove");
        var product = await DCatalogSeed.KeyProductAsync(app, tenant, "Pro key", ["K-1", "K-2"]);
        var (_, sold) = await DCatalogSeed.SellKeyAsync(app, tenant, product);
        var available = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().LicenseKeys
            .SingleAsync(k => k.ProductId == product.Id && k.Status == LicenseKeyStatus.Available));
        using var client = await app.SignedInClientAsync(email, tenant);
        var path = $"/stores/{tenant.Slug}/products/{product.Id}/keys";

        var page = await PageForms.GetPageAsync(client, path);
        var confirm = page.QuerySelector($"#keys tr[data-id='{available.Id}'] details.confirm")!;
        Assert.Contains("Remove", confirm.QuerySelector("summary")!.TextContent);
        Assert.Equal("Confirm remove", confirm.QuerySelector("button[type=submit]")!.TextContent.Trim());
        Assert.Equal("Cancel", confirm.QuerySelector("a")!.TextContent.Trim());

        using var forged = await DCatalogSeed.PostAsync(client, path, "Remove", new() { ["keyId"] = sold.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("not removed", (await PageForms.GetPageAsync(client, path)).QuerySelector("#problem")!.TextContent);
        Assert.Equal(2, await app.InTenantAsync(tenant, sp =>
            sp.GetRequiredService<PlatformDbContext>().LicenseKeys.CountAsync(k => k.ProductId == product.Id)));

        using var removed = await DCatalogSeed.PostAsync(client, path, "Remove", new() { ["keyId"] = available.Id.ToString() });
        Assert.Contains("was removed", (await PageForms.GetPageAsync(client, path)).QuerySelector("#notice")!.TextContent);
        var left = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().LicenseKeys
            .Where(k => k.ProductId == product.Id).Select(k => k.Id).ToListAsync());
        Assert.Equal([sold.Id], left);

        // In Core too: the conditional delete refuses whatever is not available.
        var outcome = await app.InTenantAsync(tenant, sp =>
            sp.GetRequiredService<LicenseKeyCatalog>().RemoveAsync(product.Id, sold.Id, CancellationToken.None));
        Assert.Equal(LicenseKeyRemoval.NotAvailable, outcome);
    }

    [Fact]
    public async Task Another_stores_key_product_is_not_found_on_the_keys_page_export_or_remove()
    {
        var (alpha, _) = await app.NewStoreAsync("KeyAlpha");
        var (bravo, bravoEmail) = await app.NewStoreAsync("KeyBravo");
        var product = await DCatalogSeed.KeyProductAsync(app, alpha, "Alpha key", ["SECRET-1"]);
        var key = await app.InTenantAsync(alpha, sp => sp.GetRequiredService<PlatformDbContext>().LicenseKeys.SingleAsync(k => k.ProductId == product.Id));
        await DCatalogSeed.KeyProductAsync(app, bravo, "Bravo key", ["B-1"]);
        using var client = await app.SignedInClientAsync(bravoEmail, bravo);
        var path = $"/stores/{bravo.Slug}/products/{product.Id}/keys";

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        using var export = await client.GetAsync(path + "?handler=Export");
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.DoesNotContain("SECRET-1", await export.Content.ReadAsStringAsync());

        var own = await PageForms.GetPageAsync(client, $"/stores/{bravo.Slug}/products");
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var remove = await client.PostAsync(path + "?handler=Remove",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["keyId"] = key.Id.ToString(), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal(1, await app.InTenantAsync(alpha, sp =>
            sp.GetRequiredService<PlatformDbContext>().LicenseKeys.CountAsync(k => k.ProductId == product.Id)));
    }
}
