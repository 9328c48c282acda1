using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Orders;
using Platform.Core.Tenancy;

namespace Platform.Tests.Merchant;

/// <summary>
/// Helper D's test seeds for the products, keys and files pages: products made through <see cref="ProductService"/>,
/// keys through the real pool (sold ones reserved and marked sold as the bot would), and handler posts carrying the
/// page's antiforgery token.
/// </summary>
internal static class DCatalogSeed
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public static Task<Product> KeyProductAsync(MerchantAppFactory app, TenantInfo tenant, string title, IReadOnlyList<string> keys) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var product = await CreateAsync(sp, new ProductInput
            {
                Kind = ProductKind.LicenseKey,
                Title = title,
                Description = "",
                PriceStars = 25,
                State = ProductState.Draft,
            });
            if (keys.Count > 0)
            {
                await sp.GetRequiredService<LicenseKeyPool>().AddAsync(product.Id, keys, CancellationToken.None);
            }

            return product;
        });

    public static Task<Product> TextProductAsync(MerchantAppFactory app, TenantInfo tenant, string title, ProductState state) =>
        app.InTenantAsync(tenant, sp => CreateAsync(sp, new ProductInput
        {
            Kind = ProductKind.Text,
            Title = title,
            Description = "",
            PriceStars = 10,
            State = state,
            TextContent = "https://example.test/secret",
        }));

    public static Task<Product> GetAsync(MerchantAppFactory app, TenantInfo tenant, Guid id) =>
        app.InTenantAsync(tenant, sp => sp.GetRequiredService<PlatformDbContext>().Products.AsNoTracking().FirstAsync(p => p.Id == id));

    /// <summary>Sells the next key of <paramref name="product"/> to a new paid order: the key becomes sold.</summary>
    public static Task<(Order Order, LicenseKey Key)> SellKeyAsync(MerchantAppFactory app, TenantInfo tenant, Product product) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var order = await MerchantAppFactory.NewOrderAsync(sp, product, OrderStatus.Paid);
            var pool = sp.GetRequiredService<LicenseKeyPool>();
            var key = await pool.TryReserveAsync(product.Id, order.Id, DateTimeOffset.UtcNow.AddMinutes(10), CancellationToken.None)
                ?? throw new InvalidOperationException("No key left to sell.");
            Assert.True(await pool.MarkSoldAsync(order.Id, CancellationToken.None));
            return (order, key);
        });

    /// <summary>Posts to <paramref name="path"/>'s <paramref name="handler"/> with the antiforgery token found on the page.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        using var response = await client.GetAsync(path);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {path}.");
        fields["__RequestVerificationToken"] = token;
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return await client.PostAsync($"{path}{separator}handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static async Task<Product> CreateAsync(IServiceProvider sp, ProductInput input)
    {
        var result = await sp.GetRequiredService<ProductService>().CreateAsync(input, CancellationToken.None);
        return result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
    }
}
