using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Data;
using Platform.Core.Identity;
using Platform.Core.Orders;
using Platform.Core.Tenancy;
using Platform.Web.Identity;

namespace Platform.Tests.Merchant;

/// <summary><c>/api/v1</c> store, products, keys, files and orders with a real client-credentials token.</summary>
public sealed class MerchantApiTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    private static readonly string[] KeysWithADuplicate = ["A", "B", "B", "C"];
    private static readonly string[] OneKey = ["X"];

    private async Task<(TenantInfo Tenant, HttpClient Http)> StoreWithTokenAsync(string name)
    {
        var (tenant, email) = await app.NewStoreAsync(name);
        var ownerId = await app.InTenantAsync(tenant, async sp =>
            (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlatformUser>>().FindByEmailAsync(email))!.Id);
        var client = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<ApiClientService>()
            .CreateAsync("Back office", ownerId, CancellationToken.None));
        var http = app.CreateHttpClient();
        using var tokenResponse = await http.PostAsync(StarfrontOidc.TokenPath.TrimStart('/'), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.Value!.Client.ClientId,
            ["client_secret"] = client.Value.ClientSecret,
            ["scope"] = "api",
        }));
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (tenant, http);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Invalid_products_are_400_problems_with_field_errors_and_nothing_is_created()
    {
        var (tenant, http) = await StoreWithTokenAsync("ApiBad");
        using var response = await http.PostAsJsonAsync("api/v1/products", new { kind = "file", title = new string('x', 40), priceStars = 20000 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("priceStars", out _));
        Assert.True(errors.TryGetProperty("fileId", out _));
        using var badKind = await http.PostAsJsonAsync("api/v1/products", new { kind = "ebook", title = "X", priceStars = 5 });
        Assert.True((await JsonAsync(badKind)).GetProperty("errors").TryGetProperty("kind", out _));
        using var malformed = await http.PostAsync("api/v1/products", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Empty(await app.InTenantAsync(tenant, sp => sp.GetRequiredService<ProductService>().ListAsync(null, CancellationToken.None)));
    }

    [Fact]
    public async Task Products_are_created_patched_archived_and_keys_added_as_json_or_text()
    {
        var (_, http) = await StoreWithTokenAsync("ApiKeys");
        using var created = await http.PostAsJsonAsync("api/v1/products", new
        {
            kind = "license_key",
            title = "Pro",
            description = new string('d', 300),
            priceStars = 99,
            state = "published"
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var product = await JsonAsync(created);
        var id = product.GetProperty("id").GetGuid();
        Assert.True(product.GetProperty("invoiceDescription").GetString()!.Length <= 255);

        using var json = await http.PostAsJsonAsync($"api/v1/products/{id}/keys", KeysWithADuplicate);
        var added = await JsonAsync(json);
        Assert.Equal(3, added.GetProperty("added").GetInt32());
        Assert.Equal(1, added.GetProperty("duplicates").GetInt32());
        using var text = await http.PostAsync($"api/v1/products/{id}/keys", new StringContent("C\nD\n\nE\n", Encoding.UTF8, "text/plain"));
        var more = await JsonAsync(text);
        Assert.Equal("2 added, 1 duplicate skipped", more.GetProperty("summary").GetString());
        Assert.Equal(5, more.GetProperty("stock").GetInt32());
        using var xml = await http.PostAsync($"api/v1/products/{id}/keys", new StringContent("<keys/>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);

        using var patched = await http.PatchAsJsonAsync($"api/v1/products/{id}", new { priceStars = 120 });
        Assert.Equal(120, (await JsonAsync(patched)).GetProperty("priceStars").GetInt32());
        using var kindChange = await http.PatchAsJsonAsync($"api/v1/products/{id}", new { kind = "text" });
        Assert.Equal(HttpStatusCode.BadRequest, kindChange.StatusCode);
        using var archived = await http.PostAsync($"api/v1/products/{id}/archive", null);
        Assert.Equal("archived", (await JsonAsync(archived)).GetProperty("state").GetString());

        using var textProduct = await http.PostAsJsonAsync("api/v1/products", new
        {
            kind = "text",
            title = "Link",
            priceStars = 5,
            textContent = "https://example.test/secret"
        });
        var textId = (await JsonAsync(textProduct)).GetProperty("id").GetGuid();
        using var conflict = await http.PostAsJsonAsync($"api/v1/products/{textId}/keys", OneKey);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task The_store_shows_and_changes_its_storefront()
    {
        var (tenant, http) = await StoreWithTokenAsync("ApiStore");
        var store = await http.GetFromJsonAsync<JsonElement>("api/v1/store");
        Assert.Equal(tenant.Slug, store.GetProperty("slug").GetString());
        Assert.Equal("en", store.GetProperty("storefront").GetProperty("defaultLanguage").GetString());

        using var patched = await http.PatchAsJsonAsync("api/v1/store", new
        {
            displayName = "Kitob",
            defaultLanguage = "fa",
            buttonTexts = new Dictionary<string, string> { ["catalog"] = "فروشگاه" },
            subscriptionReminderDays = 5,
            subscriptionGraceHours = 48,
        });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var storefront = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<StorefrontReader>().GetAsync(CancellationToken.None));
        Assert.Equal(("Kitob", "fa", "فروشگاه"), (storefront.DisplayName, storefront.DefaultLanguage, storefront.ButtonTexts["catalog"]));
        Assert.Equal((5, 48), (storefront.SubscriptionReminderDays, storefront.SubscriptionGraceHours));
        Assert.Equal(48, (await JsonAsync(patched)).GetProperty("storefront").GetProperty("subscriptionGraceHours").GetInt32());

        using var tooLong = await http.PatchAsJsonAsync("api/v1/store", new { subscriptionGraceHours = 1000 });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(48, (await app.InTenantAsync(tenant, sp => sp.GetRequiredService<StorefrontReader>().GetAsync(CancellationToken.None)))
            .SubscriptionGraceHours);

        using var bad = await http.PatchAsJsonAsync("api/v1/store", new
        {
            defaultLanguage = "de",
            buttonTexts = new Dictionary<string, string> { ["nope"] = "x" }
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("defaultLanguage", out _));
        Assert.True(errors.TryGetProperty("buttonTexts", out _));
    }

    [Fact]
    public async Task Files_upload_streamed_with_checksum_and_413_over_the_limit()
    {
        var (_, http) = await StoreWithTokenAsync("ApiFiles");
        var bytes = RandomNumberGenerator.GetBytes(3 * 1024 * 1024);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "data.bin" } };
        using var created = await http.PostAsync("api/v1/files", form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), (await JsonAsync(created)).GetProperty("sha256").GetString());

        using var big = new ByteArrayContent(new byte[MerchantAppFactory.UploadLimit + 100 * 1024]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/files") { Content = big };
        request.Headers.Add("X-File-Name", "big.bin");
        using var tooLarge = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Orders_are_listed_with_filters_and_shown_with_deliveries_and_another_stores_are_404()
    {
        var (tenant, http) = await StoreWithTokenAsync("ApiOrders");
        var (other, otherHttp) = await StoreWithTokenAsync("ApiOther");
        var file = await app.UploadAsync(tenant, "%PDF-1.4 x"u8.ToArray(), "x.pdf");
        var (product, order) = await app.PaidFileOrderAsync(tenant, file);
        await app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            db.Deliveries.Add(new Delivery { Id = Guid.NewGuid(), OrderId = order.Id, Kind = DeliveryKind.DownloadLink, CreatedAt = DateTimeOffset.UtcNow });
            await MerchantAppFactory.NewOrderAsync(sp, product, OrderStatus.Cancelled);
            return await db.SaveChangesAsync();
        });

        var paid = await http.GetFromJsonAsync<JsonElement>("api/v1/orders?status=paid");
        Assert.Equal(1, paid.GetProperty("total").GetInt32());
        var all = await http.GetFromJsonAsync<JsonElement>($"api/v1/orders?productId={product.Id}");
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        using var badStatus = await http.GetAsync("api/v1/orders?status=shipped");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);

        var detail = await http.GetFromJsonAsync<JsonElement>($"api/v1/orders/{order.Id}");
        Assert.Equal("download_link", detail.GetProperty("deliveries")[0].GetProperty("kind").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await otherHttp.GetAsync($"api/v1/orders/{order.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHttp.GetAsync($"api/v1/products/{product.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHttp.GetAsync($"api/v1/files/{file.Id}")).StatusCode);
        Assert.Equal(0, (await otherHttp.GetFromJsonAsync<JsonElement>("api/v1/orders")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await otherHttp.GetFromJsonAsync<JsonElement>("api/v1/products")).GetArrayLength());
        Assert.NotEqual(tenant.Id, other.Id);
    }

    [Fact]
    public async Task Categories_are_managed_through_the_API_and_files_in_use_are_kept()
    {
        var (tenant, http) = await StoreWithTokenAsync("ApiCategories");
        using var books = await http.PostAsJsonAsync("api/v1/categories", new { name = "Books" });
        Assert.Equal(HttpStatusCode.Created, books.StatusCode);
        var booksId = (await JsonAsync(books)).GetProperty("id").GetGuid();
        using var courses = await http.PostAsJsonAsync("api/v1/categories", new { name = "Courses" });
        var coursesId = (await JsonAsync(courses)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostAsJsonAsync("api/v1/categories", new { name = "Books" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync("api/v1/categories", new { name = " " })).StatusCode);

        using var reordered = await http.PutAsJsonAsync("api/v1/categories/order", new[] { coursesId, booksId });
        var order = (await JsonAsync(reordered)).EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Courses", "Books"], order);
        using var renamed = await http.PatchAsJsonAsync($"api/v1/categories/{booksId}", new { name = "E-books" });
        Assert.Equal("E-books", (await JsonAsync(renamed)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"api/v1/categories/{coursesId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync($"api/v1/categories/{coursesId}")).StatusCode);
        var store = await http.GetFromJsonAsync<JsonElement>("api/v1/store");
        Assert.Equal("E-books", store.GetProperty("categories")[0].GetProperty("name").GetString());

        var file = await app.UploadAsync(tenant, "%PDF-1.4 keep"u8.ToArray(), "keep.pdf");
        var spare = await app.UploadAsync(tenant, "%PDF-1.4 spare"u8.ToArray(), "spare.pdf");
        await app.PaidFileOrderAsync(tenant, file);
        Assert.Equal(HttpStatusCode.Conflict, (await http.DeleteAsync($"api/v1/files/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"api/v1/files/{spare.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"api/v1/files/{spare.Id}")).StatusCode);
    }
}
