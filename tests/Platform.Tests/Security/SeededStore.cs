using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Tenancy;
using Platform.Core.Webhooks;
using Platform.Tests.Api;
using Platform.Tests.Merchant;

namespace Platform.Tests.Security;

/// <summary>
/// A store with one of everything the portal and API can address (category, text and key products, file, paid order,
/// bot, customer, webhook endpoint), its owner's cookie client and API token client. Every title carries
/// <see cref="Marker"/>, so a response that leaks this store's data can be spotted by a plain text search.
/// </summary>
internal sealed class SeededStore
{
    public required TenantInfo Tenant { get; init; }
    public required string Marker { get; init; }
    public required HttpClient Portal { get; init; }
    public required HttpClient Api { get; init; }
    public required Guid CategoryId { get; init; }
    public required Guid TextProductId { get; init; }
    public required Guid KeyProductId { get; init; }
    public required Guid FileProductId { get; init; }
    public required Guid FileId { get; init; }
    public required Guid OrderId { get; init; }
    public required Guid BotId { get; init; }
    public required Guid WebhookId { get; init; }

    public static async Task<SeededStore> CreateAsync(MerchantAppFactory app, string name)
    {
        var marker = $"{name}-{Guid.NewGuid():N}"[..20];
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        var signup = await app.SignUpStoreAsync($"{marker} store", email, MerchantAppFactory.Password);
        var tenant = signup.Tenant!;
        var file = await app.UploadAsync(tenant, "secret file body"u8.ToArray(), $"{marker}.pdf");
        var (fileProduct, order) = await app.PaidFileOrderAsync(tenant, file);
        var ids = await app.InTenantAsync(tenant, async sp =>
        {
            var category = (await sp.GetRequiredService<CategoryService>().CreateAsync($"{marker} shelf", CancellationToken.None)).Value!;
            var products = sp.GetRequiredService<ProductService>();
            var text = (await products.CreateAsync(new ProductInput
            {
                Kind = ProductKind.Text,
                Title = $"{marker} text",
                Description = "d",
                PriceStars = 10,
                TextContent = $"{marker} secret text",
                CategoryId = category.Id,
                State = ProductState.Published,
            }, CancellationToken.None)).Value!;
            var keys = (await products.CreateAsync(new ProductInput
            {
                Kind = ProductKind.LicenseKey,
                Title = $"{marker} keys",
                Description = "d",
                PriceStars = 10,
                State = ProductState.Draft,
            }, CancellationToken.None)).Value!;
            await sp.GetRequiredService<LicenseKeyPool>().AddAsync(keys.Id, [$"{marker}-KEY-1", $"{marker}-KEY-2"], CancellationToken.None);
            var webhook = (await sp.GetRequiredService<WebhookEndpointService>().CreateAsync(
                new WebhookEndpointInput("http://127.0.0.1:9/hook", $"{marker} hook", null), CancellationToken.None)).Value!.Endpoint;
            return (category.Id, text.Id, keys.Id, webhook.Id);
        });

        return new SeededStore
        {
            Tenant = tenant,
            Marker = marker,
            Portal = await app.SignedInClientAsync(email, tenant),
            Api = await ApiTokens.ClientForAsync(app, tenant, signup.OwnerUserId),
            CategoryId = ids.Item1,
            TextProductId = ids.Item2,
            KeyProductId = ids.Item3,
            FileProductId = fileProduct.Id,
            FileId = file.Id,
            OrderId = order.Id,
            BotId = order.BotId,
            WebhookId = ids.Item4,
        };
    }
}
