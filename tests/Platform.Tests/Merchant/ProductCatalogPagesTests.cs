using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Catalog;
using Platform.Core.Files;
using Platform.Core.Orders;
using Platform.Core.Tenancy;
using Platform.Web.Files;

namespace Platform.Tests.Merchant;

/// <summary>Issue 18, point 4 over HTTP: kinds named for people, state badges and one-click publish, the form ignoring
/// other kinds' fields, the image warning, and human file sizes.</summary>
public sealed class ProductCatalogPagesTests(MerchantAppFactory app) : IClassFixture<MerchantAppFactory>
{
    [Fact]
    public async Task Kinds_and_states_are_named_for_people_on_the_list_and_the_form()
    {
        var (tenant, email) = await app.NewStoreAsync("Names");
        var keyProduct = await DCatalogSeed.KeyProductAsync(app, tenant, "Pro key", []);
        await DCatalogSeed.TextProductAsync(app, tenant, "Guide", ProductState.Published);
        using var client = await app.SignedInClientAsync(email, tenant);

        var list = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/products");
        var kinds = list.QuerySelectorAll("#products tbody tr .kind").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["License key", "Secret text"], kinds);
        var states = list.QuerySelectorAll("#products tbody tr .state").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Draft", "Published"], states);
        Assert.NotNull(list.QuerySelector($"#products tr[data-id='{keyProduct.Id}'] button[formaction*='Publish']"));

        var form = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/products/{keyProduct.Id}");
        Assert.Equal("License key", form.QuerySelector("#kind")!.TextContent.Trim());
        Assert.Equal("Draft", form.QuerySelector("#state-badge")!.TextContent.Trim());
        Assert.Equal("For license key products", form.QuerySelector("#key-fields legend")!.TextContent.Trim());
        Assert.Null(form.QuerySelector("#file-fields")); // an existing product shows only its own kind's fields

        var blank = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/products/new");
        var legends = blank.QuerySelectorAll("fieldset.kind-fields legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["For file products", "For license key products", "For secret text products", "For subscriptions: the plan"], legends);
        Assert.Equal("Subscription (monthly)", ProductKind.Subscription.DisplayName());
    }

    [Fact]
    public async Task A_draft_publishes_in_one_click_and_a_key_product_without_keys_is_refused_with_the_reason()
    {
        var (tenant, email) = await app.NewStoreAsync("Publish");
        var keyProduct = await DCatalogSeed.KeyProductAsync(app, tenant, "Pro key", []);
        var text = await DCatalogSeed.TextProductAsync(app, tenant, "Guide", ProductState.Draft);
        using var client = await app.SignedInClientAsync(email, tenant);
        var list = $"/stores/{tenant.Slug}/products";

        using var refused = await DCatalogSeed.PostAsync(client, list, "Publish", new() { ["id"] = keyProduct.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await PageForms.GetPageAsync(client, list);
        Assert.Contains("needs keys in stock", page.QuerySelector("#problem")!.TextContent);
        Assert.Equal(ProductState.Draft, (await DCatalogSeed.GetAsync(app, tenant, keyProduct.Id)).State);

        // The same refusal on the product's own page, next to the state.
        using var onForm = await DCatalogSeed.PostAsync(client, $"{list}/{keyProduct.Id}", "Publish", []);
        Assert.Equal(HttpStatusCode.OK, onForm.StatusCode);
        Assert.Contains("needs keys in stock", PageForms.FieldError(await PageForms.ParseAsync(onForm), "Publish"));

        using var published = await DCatalogSeed.PostAsync(client, list, "Publish", new() { ["id"] = text.Id.ToString() });
        page = await PageForms.GetPageAsync(client, list);
        Assert.Contains("is published", page.QuerySelector("#notice")!.TextContent);
        Assert.Equal("Published", page.QuerySelector($"#products tr[data-id='{text.Id}'] .state")!.TextContent.Trim());
        Assert.Equal(ProductState.Published, (await DCatalogSeed.GetAsync(app, tenant, text.Id)).State);

        using var unpublished = await DCatalogSeed.PostAsync(client, $"{list}/{text.Id}", "Unpublish", []);
        Assert.Equal(ProductState.Draft, (await DCatalogSeed.GetAsync(app, tenant, text.Id)).State);
        await app.InTenantAsync(tenant, sp => sp.GetRequiredService<LicenseKeyPool>().AddAsync(keyProduct.Id, ["K-1"], CancellationToken.None));
        using var nowFine = await DCatalogSeed.PostAsync(client, $"{list}/{keyProduct.Id}", "Publish", []);
        Assert.Equal(HttpStatusCode.Redirect, nowFine.StatusCode);
        Assert.Equal(ProductState.Published, (await DCatalogSeed.GetAsync(app, tenant, keyProduct.Id)).State);
    }

    [Fact]
    public async Task The_form_ignores_fields_of_other_kinds_when_saving()
    {
        var (tenant, email) = await app.NewStoreAsync("Ignore");
        var file = await app.UploadAsync(tenant, "%PDF-1.4 tiny"u8.ToArray(), "tiny.pdf");
        using var client = await app.SignedInClientAsync(email, tenant);
        using var created = await PageForms.SubmitAsync(client, $"/stores/{tenant.Slug}/products/new", "#product-form", new Dictionary<string, string>
        {
            ["Kind"] = "Text",
            ["Title"] = "Guide",
            ["PriceStars"] = "10",
            ["State"] = "Draft",
            ["TextContent"] = "https://example.test/guide",
            ["FileId"] = file.Id.ToString(),
            ["DownloadLimit"] = "5000",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var product = await DCatalogSeed.GetAsync(app, tenant, id);
        Assert.Null(product.FileId);
        Assert.Equal(5, product.DownloadLimit);
        Assert.Equal("https://example.test/guide", product.TextContent);
    }

    [Fact]
    public async Task A_file_product_whose_file_looks_like_an_image_shows_the_warning()
    {
        var (tenant, email) = await app.NewStoreAsync("Image");
        var png = await app.UploadAsync(tenant, DCatalogSeed.Png, "cover.png");
        var pdf = await app.UploadAsync(tenant, "%PDF-1.4 tiny"u8.ToArray(), "book.pdf");
        using var client = await app.SignedInClientAsync(email, tenant);
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "File",
            ["Title"] = "Book",
            ["PriceStars"] = "10",
            ["State"] = "Draft",
            ["DownloadLimit"] = "5",
            ["FileId"] = png.Id.ToString(),
        };
        using var created = await PageForms.SubmitAsync(client, $"/stores/{tenant.Slug}/products/new", "#product-form", fields);
        var path = created.Headers.Location!.OriginalString;
        var page = await PageForms.GetPageAsync(client, path);
        var warning = page.QuerySelector("#image-warning")!;
        Assert.False(warning.HasAttribute("hidden"));
        Assert.Equal(ImageLikeFile.Warning, warning.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector($"#FileId option[value='{png.Id}']")!.GetAttribute("data-image"));

        fields.Remove("Kind");
        fields["FileId"] = pdf.Id.ToString();
        using var saved = await PageForms.SubmitAsync(client, path, "#product-form", fields);
        Assert.True((await PageForms.GetPageAsync(client, path)).QuerySelector("#image-warning")!.HasAttribute("hidden"));
        Assert.True(ImageLikeFile.Check("application/octet-stream", "photo.WEBP"));
        Assert.False(ImageLikeFile.Check("application/pdf", "book.pdf"));
    }

    [Theory]
    [InlineData(820L, "820 bytes")]
    [InlineData(820L * 1024, "820 KB")]
    [InlineData(1_468_006L, "1.4 MB")]
    [InlineData(24L * 1024 * 1024, "24 MB")]
    [InlineData(3L * 1024 * 1024 * 1024 / 2, "1.5 GB")]
    public void File_sizes_read_as_people_write_them(long bytes, string expected) => Assert.Equal(expected, UploadReader.FormatSize(bytes));

    [Fact]
    public async Task The_files_page_shows_human_sizes_in_a_scrolling_table()
    {
        var (tenant, email) = await app.NewStoreAsync("Sizes");
        await app.UploadAsync(tenant, new byte[1_468_006], "course.zip");
        await app.UploadAsync(tenant, new byte[820 * 1024], "notes.bin");
        using var client = await app.SignedInClientAsync(email, tenant);

        var page = await PageForms.GetPageAsync(client, $"/stores/{tenant.Slug}/files");
        var sizes = page.QuerySelectorAll("#files tbody .size").Select(c => c.TextContent.Trim()).Order().ToList();
        Assert.Equal(["1.4 MB", "820 KB"], sizes);
        Assert.NotNull(page.QuerySelector(".table-scroll > #files"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/files-upload.js']"));
    }
}
